/// Extracts and verifies the state and writes it as the snapshot's `el/genesis.json` (see `ELGenesisBuilder`).
///
/// The sources are tried in order (`StateSourceChain`): when one cannot read the complete state, the genesis is
/// written anew from the next, so the file always holds a verified state or the step fails.
public struct ExecutionGenesisStep: Sendable {
    /// Where the genesis goes in the snapshot.
    public static let path = "el/genesis.json"

    public let sources: StateSourceChain
    public let concurrency: Int
    /// Hears every hand-over from a source that could not read the complete state to the next.
    public let onFallback: @Sendable (StateSourceFallback) -> Void
    public let progress: StateProgressHandler

    /// A step that reads with `source` alone.
    public init(source: any StateSource, concurrency: Int = 8, progress: @escaping StateProgressHandler = { _ in }) {
        self.init(sources: StateSourceChain([source]), concurrency: concurrency, progress: progress)
    }

    public init(sources: StateSourceChain, concurrency: Int = 8, onFallback: @escaping @Sendable (StateSourceFallback) -> Void = { _ in },
                progress: @escaping StateProgressHandler = { _ in }) {
        self.sources = sources
        self.concurrency = concurrency
        self.onFallback = onFallback
        self.progress = progress
    }

    public var title: String { "reading the state with \(sources.first.name) and writing \(Self.path)" }

    /// Reads the state of `request`'s block, proves it complete and writes it into `workspace` as the new genesis.
    public func run(_ request: SnapshotRequest, in workspace: SnapshotWorkspace) async throws -> ELGenesisResult {
        let builder = ELGenesisBuilder(sourceGenesis: request.sourceGenesis, block: request.block)
        let url = try workspace.file(Self.path)
        let (block, concurrency, progress) = (request.block, concurrency, progress)
        return try await sources.run(onFallback: onFallback) { source in
            let extractor = StateExtractor(source: source, block: block, concurrency: concurrency, progress: progress)
            return try await builder.write(extractor, to: url)
        }
    }
}
