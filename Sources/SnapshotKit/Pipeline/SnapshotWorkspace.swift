import Foundation

/// Where a snapshot is assembled: a hidden temporary folder next to its destination, renamed into place only when
/// every step succeeded, and removed on failure so that a failed run leaves nothing behind.
///
/// Layout: `<out>/.<name>.partial-<random>/snapshot/` becomes `<out>/<name>/`; `…/work/` holds downloads and other
/// scratch files that are not part of the snapshot.
public final class SnapshotWorkspace: Sendable {
    /// `<out>/<name>`, where the snapshot ends up.
    public let destination: URL
    /// `<out>/.<name>.partial-<random>`, removed by `commit()` and `discard()`.
    public let root: URL
    /// The folder that becomes the snapshot.
    public let folder: URL
    /// Scratch space that is not part of the snapshot.
    public let work: URL

    /// Creates the temporary folders for snapshot `name` in `outputFolder` (created when missing). Refuses a name
    /// that is not a plain folder name and a destination that already exists.
    public init(outputFolder: URL, name: String) throws(WorkspaceError) {
        guard Self.isPlainName(name) else { throw .invalidName(name) }
        let output = outputFolder.standardizedFileURL
        destination = output.appendingPathComponent(name, isDirectory: true)
        let suffix = (0..<4).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        root = output.appendingPathComponent(".\(name).partial-\(suffix)", isDirectory: true)
        folder = root.appendingPathComponent("snapshot", isDirectory: true)
        work = root.appendingPathComponent("work", isDirectory: true)
        try Self.refuseExisting(destination)
        for directory in [folder, work] {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                try? FileManager.default.removeItem(at: root)
                throw .cannotCreate(path: directory.path, reason: Self.reason(error))
            }
        }
    }

    /// The URL of a file in the snapshot, by path relative to the snapshot folder (`el/genesis.json`); its folder is
    /// created.
    public func file(_ relativePath: String) throws(WorkspaceError) -> URL {
        let url = folder.appendingPathComponent(relativePath, isDirectory: false)
        let parent = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(path: parent.path, reason: Self.reason(error))
        }
        return url
    }

    /// Moves the snapshot folder to its destination and removes the temporary folder; returns the destination.
    /// Refuses when the destination appeared in the meantime.
    public func commit() throws(WorkspaceError) -> URL {
        try Self.refuseExisting(destination)
        do {
            try FileManager.default.moveItem(at: folder, to: destination)
        } catch {
            if FileManager.default.fileExists(atPath: destination.path) { throw .destinationExists(destination.path) }
            throw .cannotRename(from: folder.path, to: destination.path, reason: Self.reason(error))
        }
        try? FileManager.default.removeItem(at: root)
        return destination
    }

    /// Removes the temporary folder and everything in it.
    public func discard() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Whether `name` can be one folder name: not empty, no `/`, not starting with `.`.
    public static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\0")
    }

    private static func refuseExisting(_ destination: URL) throws(WorkspaceError) {
        if FileManager.default.fileExists(atPath: destination.path) { throw .destinationExists(destination.path) }
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
