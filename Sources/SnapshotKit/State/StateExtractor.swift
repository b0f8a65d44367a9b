/// Streams a `StateSource` through the checks that make a snapshot trustworthy: accounts strictly ascending in
/// keccak(address) order, no duplicates, and a recomputed state root equal to the pinned block's `stateRoot`.
///
/// Each accepted account is handed to a consumer (e.g. a `GenesisWriter`) as it arrives, so memory stays bounded by
/// one page however large the state is.
public struct StateExtractor: Sendable {
    public let source: any StateSource
    public let block: PinnedBlock
    public let concurrency: Int
    public let progress: StateProgressHandler

    public init(source: any StateSource, block: PinnedBlock, concurrency: Int, progress: @escaping StateProgressHandler = { _ in }) {
        self.source = source
        self.block = block
        self.concurrency = concurrency
        self.progress = progress
    }

    /// Checks the source's requirements, then reads every account, feeding each to `consume` after it passed the
    /// order check. Throws `StateVerificationError` when the order or the root is wrong, and whatever the source or
    /// `consume` throw.
    public func run(_ consume: (Account) throws -> Void) async throws -> ExtractedState {
        try await source.checkRequirements(at: block)
        let context = StateSourceContext(block: block, concurrency: concurrency, progress: progress)
        var builder = StateRootBuilder()
        var contracts = 0, storageSlots = 0
        for try await page in source.accountPages(context) {
            for account in page {
                do {
                    try builder.append(account)
                } catch .accountOutOfOrder(let address, let previous) {
                    if address == previous { throw StateVerificationError.duplicateAccount(address, source: source.name) }
                    throw StateVerificationError.accountOutOfOrder(address: address, previous: previous, source: source.name)
                }
                if !account.code.isEmpty { contracts += 1 }
                storageSlots += account.storage.count
                try consume(account)
            }
        }
        let accounts = builder.count
        let root = builder.finish()
        guard root == block.stateRoot else {
            throw StateVerificationError.rootMismatch(
                block: block.number, expected: block.stateRoot, computed: root, accounts: accounts,
                source: source.name, requirements: source.requirements)
        }
        return ExtractedState(source: source.name, stateRoot: root, accounts: accounts, contracts: contracts, storageSlots: storageSlots)
    }
}
