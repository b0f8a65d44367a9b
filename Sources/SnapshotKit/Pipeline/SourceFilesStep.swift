import Foundation

/// Copies the source chain's `config.yaml` and `mnemonics.yaml` into the snapshot's `source/` folder, as downloaded.
public struct SourceFilesStep: SnapshotStep {
    public init() {}

    public var title: String { "copying the source chain's config.yaml and mnemonics.yaml" }

    public func run(_ draft: inout SnapshotDraft) async throws {
        for original in [draft.sourceFiles.config, draft.sourceFiles.mnemonics] {
            let copy = try draft.workspace.file("source/" + original.lastPathComponent)
            do {
                try FileManager.default.copyItem(at: original, to: copy)
            } catch {
                throw WorkspaceError.cannotWrite(path: copy.path, reason: error.localizedDescription)
            }
        }
    }
}
