import Crypto
import Foundation

/// SHA-256 digests of a folder's files, as `metadata.json`'s `files` records them.
public enum FileDigests {
    /// The lowercase hex SHA-256 of the file at `url`, read in chunks so that large files never sit in memory.
    public static func sha256(of url: URL) throws(WorkspaceError) -> String {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw .cannotRead(path: url.path, reason: "cannot open it to compute its digest")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch {
                throw .cannotRead(path: url.path, reason: FileErrorReason.of(error))
            }
            guard let chunk, !chunk.isEmpty else { break }
            hasher.update(data: chunk)
        }
        return Hex.encode(hasher.finalize(), prefixed: false)
    }

    /// Every regular file under `folder` (recursively) except the paths in `excluding`, by path relative to
    /// `folder` with `/` separators, with its digest; sorted by path. Files in `known` (path → digest, computed as
    /// they were written) are not read again.
    public static func digests(in folder: URL, excluding: Set<String> = [], known: [String: String] = [:]) throws(WorkspaceError) -> [(path: String, sha256: String)] {
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: []) else {
            throw .cannotRead(path: folder.path, reason: "cannot list the folder")
        }
        var paths: [(relative: String, url: URL)] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard full.hasPrefix(base + "/") else { continue }
            let relative = String(full.dropFirst(base.count + 1))
            if !excluding.contains(relative) { paths.append((relative, url)) }
        }
        var result: [(path: String, sha256: String)] = []
        for (relative, url) in paths.sorted(by: { $0.relative < $1.relative }) {
            if let digest = known[relative] {
                result.append((relative, digest))
            } else {
                result.append((relative, try sha256(of: url)))
            }
        }
        return result
    }
}
