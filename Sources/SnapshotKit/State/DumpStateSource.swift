import Foundation

/// The state from a JSON-lines state dump, the format of `dump --iterative`: a first line `{"root": "0x…"}`, then
/// one account per line in ascending key (keccak(address)) order:
///
///     {"balance":"<decimal>","nonce":N,"root":"0x…","codeHash":"0x…","code":"0x…","storage":{"0x<slot>":"<hex>"},"address":"0x…","key":"0x…"}
///
/// `code` and `storage` are left out when empty; storage values are hex without `0x`, leading zeros trimmed. The file
/// is read in chunks of whole lines (`DumpReader`); a few chunks are decoded at once on tasks of their own
/// (`DumpLineParser`) and handed on in file order, so memory is bounded by those few chunks. The root line is the
/// state root the accounts must reproduce (`root(of:)`).
public struct DumpStateSource: StateSource {
    public let url: URL
    /// Accounts per page, at most: a page also ends after 4 MiB of lines.
    public let pageSize: Int
    /// The longest account line read: geth's dump puts an account's whole storage on one line, so this is what the
    /// largest contract needs. A longer line fails the read with a message naming the bound.
    public let maximumLineBytes: Int
    /// The default line bound, 256 MiB: a contract with about two million storage slots.
    public static let defaultMaximumLineBytes = 256 << 20

    public init(url: URL, pageSize: Int = 256, maximumLineBytes: Int = defaultMaximumLineBytes) {
        self.url = url
        self.pageSize = max(1, pageSize)
        self.maximumLineBytes = maximumLineBytes
    }

    public var name: String { "state dump" }

    /// A dump reproduces the state only if the node knew every address and slot, and nothing was left out.
    public var requirements: [NodeRequirement] {
        [
            NodeRequirement(
                id: "preimages",
                summary: "address and storage-slot preimages on the dumping node",
                remedy: "dump a node that recorded preimages from its first block on (a dump leaves out accounts and merges slots whose preimage is missing)"),
            NodeRequirement(
                id: "complete-dump",
                summary: "a whole dump, with code and storage",
                remedy: "dump without --nocode, --nostorage, --start or --limit"),
        ]
    }

    /// Reads the root line, so a file that is not a dump fails before any work.
    public func checkRequirements(at block: PinnedBlock) async throws {
        _ = try Self.root(of: url)
    }

    /// The state root on the dump's first line.
    public static func root(of url: URL) throws(DumpError) -> [UInt8] {
        let reader = try DumpReader(url: url, chunkLines: 1, maximumLineBytes: defaultMaximumLineBytes)
        return try reader.readRoot()
    }

    public func accountPages(_ context: StateSourceContext) -> AsyncThrowingStream<[Account], any Error> {
        let url = url, pageSize = pageSize, maximumLineBytes = maximumLineBytes, requirements = requirements
        var reader: DumpReader?
        let chunks = OrderedWorkWindow<DumpChunk.Accounts>(
            width: ConcurrentWork.width, maximumWeight: ConcurrentWork.bytesInFlight
        ) {
            if reader == nil {
                let opened = try DumpReader(url: url, chunkLines: pageSize, maximumLineBytes: maximumLineBytes)
                _ = try opened.readRoot()
                reader = opened
            }
            guard let chunk = try reader!.nextChunk() else { return nil }
            return ({ DumpLineParser.parse(chunk, path: url.path, requirements: requirements) }, chunk.bytes.count)
        }
        let sequence = LockedState(DumpSequence(path: url.path))
        return AsyncThrowingStream(unfolding: {
            guard let chunk = try await chunks.next() else { return nil }
            context.progress(try sequence.withLock { sequence in try sequence.accept(chunk) })
            return chunk.accounts
        })
    }
}

/// The order check across a dump's chunks, and the counts read so far.
private struct DumpSequence {
    let path: String
    private var lastKey: [UInt8]?
    private var accounts = 0
    private var storageSlots = 0

    init(path: String) { self.path = path }

    /// Checks that `chunk` starts after the chunk before it ended, then throws the chunk's own failure, if any; the
    /// progress after it.
    mutating func accept(_ chunk: DumpChunk.Accounts) throws -> StateProgress {
        if let lastKey, let first = chunk.first, !lastKey.lexicographicallyPrecedes(first.key) {
            throw DumpLineParser.orderFailure(path: path, line: first.line, key: first.key, address: first.address, previousKey: lastKey)
        }
        if let failure = chunk.failure { throw failure }
        lastKey = chunk.lastKey ?? lastKey
        accounts += chunk.accounts.count
        storageSlots += chunk.storageSlots
        return StateProgress(accounts: accounts, storageSlots: storageSlots, fraction: chunk.fraction, phase: "accounts")
    }
}
