import Foundation
import SnapshotKit

/// The note `create` prints when `--out` holds temporary folders of earlier runs (`.<name>.partial-<random>`), left
/// by a run that was killed outright (SIGKILL, a power cut). They are not removed here: a `create` running at the
/// same time owns its own.
struct StalePartialNote {
    let folders: [URL]

    /// `nil` when `output` holds no temporary folder.
    init?(output: URL) {
        folders = SnapshotWorkspace.temporaryFolders(in: output)
        if folders.isEmpty { return nil }
    }

    /// `note: …` with the command that removes them.
    var text: String {
        let paths = folders.map { Subprocess.commandLine([$0.path]) }
        return "note: \(folders.count == 1 ? "a temporary folder" : "\(folders.count) temporary folders") of an earlier "
            + "create that did not finish: \(paths.joined(separator: ", ")) — unless a create is running now, remove "
            + "with: rm -rf \(paths.joined(separator: " "))"
    }
}
