import Foundation

/// Where a snapshot is assembled: a hidden temporary folder next to its destination, renamed into place only when
/// every step succeeded, and removed on failure so that a failed run leaves nothing behind.
///
/// Layout: `<out>/.<name>.partial-<random>/snapshot/` becomes `<out>/<name>/`; `…/work/` holds downloads and other
/// scratch files that are not part of the snapshot.
///
/// The temporary folder is registered with ``TerminationCleanup`` from its creation to its commit or discard, so a
/// termination signal removes it, and never races with the rename.
public final class SnapshotWorkspace: Sendable {
    /// `<out>/<name>`, where the snapshot ends up.
    public let destination: URL
    /// `<out>/.<name>.partial-<random>`, removed by `commit()` and `discard()`.
    public let root: URL
    /// The folder that becomes the snapshot.
    public let folder: URL
    /// Scratch space that is not part of the snapshot.
    public let work: URL
    /// The folders of `<out>` this workspace created because they were missing, deepest first: `discard()` removes
    /// those still empty, so a failed run leaves no empty `--out` behind.
    let createdOutputFolders: [URL]

    /// The longest snapshot name, in UTF-8 bytes: the temporary folder `.<name>.partial-<8 hex digits>` must fit
    /// a file name's 255 bytes (NAME_MAX).
    public static let maxNameBytes = 255 - ".".utf8.count - ".partial-".utf8.count - 8

    /// Creates the temporary folders for snapshot `name` in `outputFolder` (created when missing). Refuses a name
    /// that is not a plain folder name and a destination that already exists.
    public init(outputFolder: URL, name: String) throws(WorkspaceError) {
        guard Self.isPlainName(name) else { throw .invalidName(name) }
        guard name.utf8.count <= Self.maxNameBytes else { throw .nameTooLong(name, limit: Self.maxNameBytes) }
        let output = outputFolder.standardizedFileURL
        createdOutputFolders = Self.missingFolders(output)
        destination = output.appendingPathComponent(name, isDirectory: true)
        let suffix = (0..<4).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        root = output.appendingPathComponent(".\(name).partial-\(suffix)", isDirectory: true)
        folder = root.appendingPathComponent("snapshot", isDirectory: true)
        work = root.appendingPathComponent("work", isDirectory: true)
        try Self.refuseExisting(destination)
        guard TerminationCleanup.shared.register(folder: root) else { throw .interrupted }
        for directory in [folder, work] {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                discard()
                throw .cannotCreate(path: directory.path, reason: FileErrorReason.of(error))
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
            throw .cannotCreate(path: parent.path, reason: FileErrorReason.of(error))
        }
        return url
    }

    /// Moves the snapshot folder to its destination and removes the temporary folder; returns the destination.
    /// Refuses when the destination appeared in the meantime, and when the process is being stopped by a signal.
    public func commit() throws(WorkspaceError) -> URL {
        try Self.refuseExisting(destination)
        let renamed = TerminationCleanup.shared.commit(root) { () -> Result<Void, WorkspaceError> in
            do {
                try FileManager.default.moveItem(at: folder, to: destination)
                return .success(())
            } catch {
                if FileManager.default.fileExists(atPath: destination.path) { return .failure(.destinationExists(destination.path)) }
                return .failure(.cannotRename(from: folder.path, to: destination.path, reason: FileErrorReason.of(error)))
            }
        }
        guard try renamed.get() else { throw .interrupted }
        try? FileManager.default.removeItem(at: root)
        return destination
    }

    /// Removes the temporary folder and everything in it, then the folders of `<out>` this workspace created, as
    /// long as they are empty (`rmdir` never removes a folder that holds anything, such as another run's snapshot).
    public func discard() {
        try? FileManager.default.removeItem(at: root)
        TerminationCleanup.shared.unregister(folder: root)
        for folder in createdOutputFolders {
            guard rmdir(folder.path) == 0 else { break }
        }
    }

    /// `folder` and its missing ancestors, deepest first: what creating `folder` creates.
    private static func missingFolders(_ folder: URL) -> [URL] {
        var missing: [URL] = []
        var current = folder
        while !FileManager.default.fileExists(atPath: current.path), current.pathComponents.count > 1 {
            missing.append(current)
            current = current.deletingLastPathComponent()
        }
        return missing
    }

    /// The temporary folders (`.<name>.partial-<random>`) in `outputFolder`, sorted: left by a run that was killed
    /// (SIGKILL, a power cut) or still in use by a run in progress.
    public static func temporaryFolders(in outputFolder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: outputFolder.path)) ?? []
        return names.filter { $0.hasPrefix(".") && $0.range(of: ".partial-") != nil }.sorted()
            .map { outputFolder.appendingPathComponent($0, isDirectory: true) }
    }

    /// Whether `name` can be one folder name: not empty, no `/`, not starting with `.`.
    public static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\0")
    }

    private static func refuseExisting(_ destination: URL) throws(WorkspaceError) {
        if FileManager.default.fileExists(atPath: destination.path) { throw .destinationExists(destination.path) }
    }
}
