/// What a state source is given for one extraction.
public struct StateSourceContext: Sendable {
    /// The block every read names.
    public var block: PinnedBlock
    /// How many requests may be in flight at once, where the source can split its work.
    public var concurrency: Int
    /// Receives progress reports (throttling is the receiver's job).
    public var progress: StateProgressHandler

    public init(block: PinnedBlock, concurrency: Int, progress: @escaping StateProgressHandler) {
        self.block = block
        self.concurrency = max(1, concurrency)
        self.progress = progress
    }
}

/// Reads the complete world state at a pinned block.
///
/// A source streams pages of accounts in ascending `keccak256(address)` order, the order of the state trie, so the
/// pipeline can recompute the state root and write the new genesis while memory stays bounded. Completeness is never
/// taken on trust: the pipeline compares the recomputed root with the block's `stateRoot`.
public protocol StateSource: Sendable {
    /// Short name shown to the user and recorded in `metadata.json`, e.g. `debug_accountRange`.
    var name: String { get }
    /// How messages name the source, e.g. `universal (trace + proof)`; the name by default.
    var title: String { get }
    /// What the node must provide for this source to see the whole state.
    var requirements: [NodeRequirement] { get }
    /// Checks the requirements with cheap calls before the long work starts; throws a clear error naming the
    /// missing node feature.
    func checkRequirements(at block: PinnedBlock) async throws
    /// Every account at `context.block`, in pages, in ascending hashed-address order across pages.
    func accountPages(_ context: StateSourceContext) -> AsyncThrowingStream<[Account], any Error>
}

extension StateSource {
    public var title: String { name }
}
