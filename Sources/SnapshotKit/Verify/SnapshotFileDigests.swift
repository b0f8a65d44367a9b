import Crypto
import Foundation

/// The SHA-256 digests `metadata.json` lists: one per file of the snapshot folder except `metadata.json` itself, by
/// path relative to the folder (`/`-separated), as lowercase hex.
public enum SnapshotFileDigests {
    /// The metadata file, the one file not listed.
    public static let metadataFile = "metadata.json"

    /// The lowercase hex SHA-256 of a file's bytes, read in 1 MiB chunks.
    public static func sha256(of url: URL) throws(SnapshotVerificationError) -> String {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw .unreadable(path: url.path, reason: "no such file, or permission denied")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch {
                throw .unreadable(path: url.path, reason: FileErrorReason.of(error))
            }
            guard let chunk, !chunk.isEmpty else { break }
            hasher.update(data: chunk)
        }
        return Hex.encode(hasher.finalize(), prefixed: false)
    }

    /// Every file under `folder` but `metadata.json`, path → digest: what `metadata.json`'s `files` must hold.
    public static func compute(in folder: URL) throws(SnapshotVerificationError) -> [String: String] {
        var digests: [String: String] = [:]
        for path in try entries(in: folder).files where path != metadataFile {
            digests[path] = try sha256(of: folder.appendingPathComponent(path))
        }
        return digests
    }

    /// The relative paths under `folder`: regular files, and entries that are neither files nor folders (symbolic
    /// links, sockets…), which a snapshot must not contain. Hidden entries are included; both lists are sorted.
    static func entries(in folder: URL) throws(SnapshotVerificationError) -> (files: [String], others: [String]) {
        let keys: [URLResourceKey] = [.isRegularFileKey, .isDirectoryKey, .isSymbolicLinkKey]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys, options: []) else {
            throw .unreadable(path: folder.path, reason: "cannot list the folder")
        }
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var files: [String] = [], others: [String] = []
        for case let url as URL in enumerator {
            // Resolve the parent only: a symbolic link must be named, not followed.
            let parent = url.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath().pathComponents
            let relative = (Array(parent.dropFirst(parent.starts(with: base) ? base.count : parent.count))
                + [url.lastPathComponent]).joined(separator: "/")
            let values = try? url.resourceValues(forKeys: Set(keys))
            if values?.isSymbolicLink == true {
                others.append(relative)
                enumerator.skipDescendants()
            } else if values?.isRegularFile == true {
                files.append(relative)
            } else if values?.isDirectory != true {
                others.append(relative)
            }
        }
        return (files.sorted(), others.sorted())
    }
}
