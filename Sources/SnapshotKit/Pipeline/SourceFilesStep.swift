import Foundation

/// Copies the source chain's `config.yaml` and `mnemonics.yaml` into the snapshot's `source/` folder, as downloaded.
public enum SourceFilesStep {
    public static let title = "copying the source chain's config.yaml and mnemonics.yaml"

    public static func run(_ request: SnapshotRequest, in workspace: SnapshotWorkspace) throws {
        for original in [request.sourceFiles.config, request.sourceFiles.mnemonics] {
            let copy = try workspace.file("source/" + original.lastPathComponent)
            do {
                try FileManager.default.copyItem(at: original, to: copy)
            } catch {
                throw WorkspaceError.cannotWrite(path: copy.path, reason: FileErrorReason.of(error))
            }
        }
    }
}
