/// Extracts and verifies the state and writes it as the snapshot's `el/genesis.json` (see `ELGenesisBuilder`).
public struct ExecutionGenesisStep: SnapshotStep {
    /// Where the genesis goes in the snapshot.
    public static let path = "el/genesis.json"

    public let source: any StateSource
    public let concurrency: Int
    public let progress: StateProgressHandler

    public init(source: any StateSource, concurrency: Int, progress: @escaping StateProgressHandler = { _ in }) {
        self.source = source
        self.concurrency = concurrency
        self.progress = progress
    }

    public var title: String { "reading the state with \(source.name) and writing \(Self.path)" }

    public func run(_ draft: inout SnapshotDraft) async throws {
        let builder = ELGenesisBuilder(sourceGenesis: draft.sourceGenesis, block: draft.block)
        let extractor = StateExtractor(source: source, block: draft.block, concurrency: concurrency, progress: progress)
        draft.executionGenesis = try await builder.write(extractor, to: try draft.workspace.file(Self.path))
    }
}
