import ArgumentParser
import Foundation
import SnapshotKit
import SnapshotterCLI

/// `create`'s options for where the snapshot goes and how the run reports.
struct CreateOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder to write the snapshot folder into (created if missing).", valueName: "dir"))
    var out = "snapshots"

    @Option(help: ArgumentHelp("Snapshot folder name (default: <enclave or host>-<block number>-<UTC yyyyMMddTHHmmssZ>).", valueName: "name"))
    var name: String?

    @Flag(help: "No progress on stderr.")
    var quiet = false

    @Flag(help: "Print the summary as one JSON object.")
    var json = false

    func validate() throws {
        try OutputFolderArgument.validate(out)
        if let name, !SnapshotWorkspace.isPlainName(name) {
            throw ValidationError("--name \"\(name)\" is not a plain folder name (no '/', not starting with '.')")
        }
        if let name, name.utf8.count > SnapshotWorkspace.maxNameBytes {
            throw ValidationError("--name is \(name.utf8.count) bytes long; at most \(SnapshotWorkspace.maxNameBytes) fit "
                + "(the snapshot is assembled in .<name>.partial-<8 hex digits>, and a file name has at most 255 bytes)")
        }
    }

    /// The progress renderer on stderr, `nil` with `--quiet`.
    func progress() -> ProgressRenderer? { standardErrorProgress(quiet: quiet) }

    /// The workspace for the snapshot (removed if the run fails or is interrupted).
    func workspace(prefix: String, block: PinnedBlock, createdAt: Date) throws -> SnapshotWorkspace {
        let folderName = name ?? SnapshotName.default(prefix: prefix, blockNumber: block.number, createdAt: createdAt)
        return try SnapshotWorkspace(outputFolder: URL(fileURLWithPath: out), name: folderName)
    }
}
