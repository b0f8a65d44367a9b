import Foundation

extension SnapshotVerifier {
    /// `compose.mounts` and `compose.images`: every bind mount of `docker-compose.yml` names an existing path inside
    /// the folder, every named volume is declared, and every image is pinned to a version.
    func checkCompose() -> [VerificationCheck] {
        let inspection: ComposeFileInspection
        do {
            guard let data = try? InputFile.read(url(ComposeFile.fileName)), let text = String(data: data, encoding: .utf8) else {
                throw SnapshotVerificationError.unreadable(path: ComposeFile.fileName, reason: "missing or not UTF-8")
            }
            inspection = try ComposeFileInspection(yaml: text)
        } catch {
            let detail = (error as? SnapshotVerificationError)?.description ?? String(describing: error)
            return [.failed("compose.mounts", detail), .failed("compose.images", detail)]
        }
        return [checkMounts(inspection), checkImages(inspection)]
    }

    private func checkMounts(_ compose: ComposeFileInspection) -> VerificationCheck {
        let name = "compose.mounts"
        var problems: [String] = []
        let binds = compose.mounts.filter { $0.type == "bind" }
        let root = folder.standardizedFileURL.path
        for mount in binds {
            let label = "\(mount.service): \(mount.source)"
            guard !mount.source.hasPrefix("/"), !mount.source.hasPrefix("~") else {
                problems.append("\(label) is outside the snapshot folder")
                continue
            }
            let target = folder.appendingPathComponent(mount.source).standardizedFileURL.path
            guard target == root || target.hasPrefix(root + "/") else {
                problems.append("\(label) is outside the snapshot folder")
                continue
            }
            if !FileManager.default.fileExists(atPath: target) { problems.append("\(label) does not exist") }
        }
        for mount in compose.mounts where mount.type == "volume" && !compose.declaredVolumes.contains(mount.source) {
            problems.append("\(mount.service): volume '\(mount.source)' is not declared")
        }
        for mount in compose.mounts where !["bind", "volume"].contains(mount.type) {
            problems.append("\(mount.service): unexpected mount type '\(mount.type)'")
        }
        return problems.isEmpty
            ? .passed(name, "\(binds.count) bind mounts of \(compose.images.count) services name existing paths in the folder")
            : .failed(name, problems.joined(separator: "; "))
    }

    private func checkImages(_ compose: ComposeFileInspection) -> VerificationCheck {
        let name = "compose.images"
        let unpinned = compose.images.filter { !($0.image.map(ImageReference.isPinned) ?? false) }
            .map { "\($0.service) (\($0.image ?? "no image"))" }
        return unpinned.isEmpty
            ? .passed(name, compose.images.map { "\($0.service): \($0.image ?? "")" }.joined(separator: ", "))
            : .failed(name, "not pinned to a version: \(unpinned.joined(separator: ", "))")
    }
}
