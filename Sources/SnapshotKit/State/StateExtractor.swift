/// Streams a `StateSource` through the checks that make a snapshot trustworthy: accounts strictly ascending in
/// keccak(address) order, no duplicates, and a recomputed state root equal to the pinned block's `stateRoot`.
///
/// Each page is prepared on its own task — every account's state-trie entry (hashed key, storage root, leaf) and
/// whatever the consumer wants from it (e.g. its genesis text) — with a few pages in flight at once, so the cores
/// share the hashing; the trie and the consumer then take the pages one at a time, in order. Memory stays bounded by
/// those few pages however large the state is.
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
        try await run(encoding: { $0 }) { page in
            for account in page { try consume(account) }
        }
    }

    /// Like `run(_:)`, with each page first turned into `Encoded` by `encode` on the task that prepares it; `consume`
    /// gets the encoded pages in order, each once its accounts passed the order check.
    public func run<Encoded: Sendable>(encoding encode: @escaping @Sendable ([Account]) throws -> Encoded,
                                       _ consume: (Encoded) throws -> Void) async throws -> ExtractedState {
        try await source.checkRequirements(at: block)
        let context = StateSourceContext(block: block, concurrency: concurrency, progress: progress)
        var pages = source.accountPages(context).makeAsyncIterator()
        let prepared = OrderedWorkWindow<PreparedPage<Encoded>>(
            width: ConcurrentWork.width, maximumWeight: ConcurrentWork.bytesInFlight
        ) {
            guard let page = try await pages.next() else { return nil }
            return ({ try PreparedPage(page, encode: encode) }, Self.weight(of: page))
        }
        var builder = StateRootBuilder()
        var contracts = 0, storageSlots = 0
        while let page = try await prepared.next() {
            let entries = page.entries
            for index in entries.addresses.indices {
                do {
                    try builder.append(key: entries.keys[index], leaf: entries.leaves[index], of: entries.addresses[index])
                } catch .accountOutOfOrder(let address, let previous) {
                    if address == previous { throw StateVerificationError.duplicateAccount(address, source: source.name) }
                    throw StateVerificationError.accountOutOfOrder(address: address, previous: previous, source: source.name)
                }
            }
            contracts += entries.contracts
            storageSlots += entries.storageSlots
            try consume(page.encoded)
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

extension StateExtractor {
    /// About the memory `page` takes: code bytes and storage entries.
    static func weight(of page: [Account]) -> Int {
        page.reduce(0) { $0 + 100 + $1.code.count + 150 * $1.storage.count }
    }
}

/// A page of accounts with their state-trie entries computed, and the consumer's encoding of it.
private struct PreparedPage<Encoded: Sendable>: Sendable {
    var entries: AccountEntries
    var encoded: Encoded

    init(_ accounts: [Account], encode: ([Account]) throws -> Encoded) throws {
        entries = AccountEntries(accounts)
        encoded = try encode(accounts)
    }
}
