import Foundation
import SnapshotterCLI

/// Progress on standard error: a line rewritten in place on a terminal, plain lines every few seconds elsewhere;
/// `nil` with `--quiet`.
func standardErrorProgress(quiet: Bool) -> ProgressRenderer? {
    quiet ? nil : ProgressRenderer(style: isatty(STDERR_FILENO) == 1 ? .terminal : .log) { text in
        FileHandle.standardError.write(Data(text.utf8))
    }
}
