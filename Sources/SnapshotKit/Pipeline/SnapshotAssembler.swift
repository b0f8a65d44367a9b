import Foundation

/// One step of assembling a snapshot folder: it writes files into the draft's workspace and records what it made.
public protocol SnapshotStep: Sendable {
    /// Shown to the user while the step runs, e.g. `writing metadata.json`.
    var title: String { get }
    func run(_ draft: inout SnapshotDraft) async throws
}

/// Runs the steps of `create` in order, then moves the finished folder into place; on any failure the temporary
/// folder is removed and nothing is left behind.
///
/// The order is: the EL genesis (extraction and verification), the CL genesis, the runtime files, `metadata.json`
/// (which digests every file written before it), checks of the assembled folder, and finally the rename.
public struct SnapshotAssembler: Sendable {
    public let steps: [any SnapshotStep]

    public init(steps: [any SnapshotStep]) {
        self.steps = steps
    }

    /// Runs every step on `draft`, commits its workspace, and returns the finished draft and the snapshot folder.
    /// `onStep` hears each step's title before it runs.
    public func assemble(_ draft: SnapshotDraft, onStep: (String) -> Void = { _ in }) async throws -> (draft: SnapshotDraft, folder: URL) {
        var draft = draft
        do {
            for step in steps {
                onStep(step.title)
                try await step.run(&draft)
            }
            return (draft, try draft.workspace.commit())
        } catch {
            draft.workspace.discard()
            throw error
        }
    }
}
