import Foundation

extension SnapshotVerifier {
    /// `files`: every listed file exists with its digest, and nothing else is in the folder.
    func checkFiles(_ metadata: SnapshotMetadataFields) -> VerificationCheck {
        let name = "files"
        let listed = metadata.files
        let present: (files: [String], others: [String])
        do { present = try SnapshotFileDigests.entries(in: folder) } catch {
            return .failed(name, error.description)
        }
        var problems: [String] = []
        let missing = listed.keys.filter { !present.files.contains($0) }.sorted()
        if !missing.isEmpty { problems.append("missing: \(Self.list(missing))") }
        var changed: [String] = []
        for (path, digest) in listed.sorted(by: { $0.key < $1.key }) where present.files.contains(path) {
            do {
                let actual: String
                if let known = knownDigests[path] { actual = known } else { actual = try SnapshotFileDigests.sha256(of: url(path)) }
                if actual != digest.lowercased() { changed.append(path) }
            } catch {
                problems.append(error.description)
            }
        }
        if !changed.isEmpty { problems.append("SHA-256 differs: \(Self.list(changed))") }
        let unlisted = present.files.filter { $0 != SnapshotFileDigests.metadataFile && listed[$0] == nil }
        if !unlisted.isEmpty { problems.append("not in metadata.json: \(Self.list(unlisted))") }
        if !present.others.isEmpty { problems.append("not regular files: \(Self.list(present.others))") }
        return problems.isEmpty
            ? .passed(name, "\(listed.count) files match their SHA-256 in metadata.json")
            : .failed(name, problems.joined(separator: "; "))
    }

    /// `runtime.scripts`: the start and stop scripts and the init script are there; the first two are executable.
    func checkScripts() -> VerificationCheck {
        let name = "runtime.scripts"
        var problems: [String] = []
        for path in [UpScript.path, DownScript.path, InitScript.path] {
            if !FileManager.default.fileExists(atPath: url(path).path) {
                problems.append("\(path) is missing")
            } else if path != InitScript.path, !FileManager.default.isExecutableFile(atPath: url(path).path) {
                problems.append("\(path) is not executable (chmod +x \(path), or run it with sh)")
            }
        }
        return problems.isEmpty
            ? .passed(name, "\(UpScript.path), \(DownScript.path) and \(InitScript.path) are present")
            : .failed(name, problems.joined(separator: "; "))
    }

    /// At most five items, then how many more.
    static func list(_ items: [String]) -> String {
        items.count <= 5 ? items.joined(separator: ", ") : items.prefix(5).joined(separator: ", ") + " and \(items.count - 5) more"
    }
}
