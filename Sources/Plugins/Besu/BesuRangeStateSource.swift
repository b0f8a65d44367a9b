import SnapshotKit

/// Reads Besu's complete world state with its range methods: `debug_accountRange` lists the addresses page by page
/// in hashed-address order, `eth_getProof` gives each account's fields (verified against the block's state root) and
/// the values of its slots, `eth_getCode` its code, and `debug_storageRangeAt` lists its slots (see
/// `BesuStorageView`). Each account's slots must rebuild its proven storage root.
///
/// Only a Forest database can list accounts: Bonsai, Besu's default, answers `debug_accountRange` with "Internal
/// error" (`BesuRangeError.bonsaiStorage`), an incomplete-state error, so the plugin's next source takes over.
public struct BesuRangeStateSource: StateSource {
    public let name = "debug_accountRange+debug_storageRangeAt"
    public var title: String { "Besu's debug_accountRange and debug_storageRangeAt" }
    public let rpc: JSONRPCClient

    /// Accounts asked in one `debug_accountRange` call.
    static let accountsPerPage = 256

    public init(rpc: JSONRPCClient) {
        self.rpc = rpc
    }

    /// What Besu must provide for this source.
    public static let requirements = [
        NodeRequirement(id: "debug-api", summary: "the DEBUG API on the HTTP JSON-RPC endpoint",
                        remedy: "start besu with --rpc-http-api=ETH,NET,WEB3,DEBUG,TRACE"),
        NodeRequirement(id: "forest-storage", summary: "a Forest database, which lists accounts and storage (Bonsai cannot)",
                        remedy: "start besu with --data-storage-format=FOREST from genesis"),
        .proofs,
    ]

    public var requirements: [NodeRequirement] { Self.requirements }

    /// One `debug_accountRange` call for a single account (fails on Bonsai, without the DEBUG API, or without the
    /// block's state) and one `eth_getProof`.
    public func checkRequirements(at block: PinnedBlock) async throws {
        _ = try await page(from: [UInt8](repeating: 0, count: 32), maxResults: 1, block: block)
        _ = try await rpc.call("eth_getProof", params: [.string(Address.zero.description), .array([]),
                                                         .string(BesuStorageView.tag(block.number))])
    }

    public func accountPages(_ context: StateSourceContext) -> AsyncThrowingStream<[Account], any Error> {
        let reader = BesuRangeReader(source: self, context: context)
        return AsyncThrowingStream { try await reader.nextPage() }
    }

    /// One `debug_accountRange(blockHash, 0, start, maxResults)` page, with the node's errors named.
    func page(from start: [UInt8], maxResults: Int, block: PinnedBlock) async throws -> BesuAccountRangePage {
        let result: JSONValue
        do {
            result = try await rpc.call(BesuAccountRangePage.method, params: [
                .string(Hex.encode(block.hash)), .integer(0), .string(Hex.encode(start)), .integer(maxResults),
            ])
        } catch {
            guard case .rpc(let code, let message, _) = error.failure else { throw error }
            if code == -32601 || message.lowercased().contains("not found") || message.lowercased().contains("not available") {
                throw BesuRangeError.debugAPIDisabled(endpoint: RedactedURL(error.endpoint).description)
            }
            if code == -32603 { throw BesuRangeError.bonsaiStorage }
            throw error
        }
        return try BesuAccountRangePage(result, block: block.number)
    }
}

/// Hands out the accounts of `BesuRangeStateSource` a page at a time, each page's accounts read `concurrency` at once.
actor BesuRangeReader {
    private let source: BesuRangeStateSource
    private let context: StateSourceContext
    private var view: BesuStorageView?
    private var next: [UInt8]? = [UInt8](repeating: 0, count: 32)
    private var accounts = 0
    private var storageSlots = 0

    init(source: BesuRangeStateSource, context: StateSourceContext) {
        self.source = source
        self.context = context
    }

    /// The next page of accounts; `nil` when the state is exhausted.
    func nextPage() async throws -> [Account]? {
        guard let start = next else { return nil }
        let block = context.block
        let view = try await storageView()
        let page = try await source.page(from: start, maxResults: BesuRangeStateSource.accountsPerPage, block: block)
        next = page.next
        let reader = BesuAccountReader(rpc: source.rpc, block: block, view: view)
        let read = try await Self.read(page.accounts.map(\.address), with: reader, concurrency: context.concurrency)
        accounts += read.count
        storageSlots += read.reduce(0) { $0 + $1.storage.count }
        let fraction = page.next.map(Self.fraction) ?? 1
        context.progress(StateProgress(accounts: accounts, storageSlots: storageSlots, fraction: fraction, phase: "accounts"))
        return read
    }

    private func storageView() async throws -> BesuStorageView {
        if let view { return view }
        let made = try await BesuStorageView.of(context.block, rpc: source.rpc)
        view = made
        return made
    }

    /// The accounts at `addresses`, in that order, at most `concurrency` read at once.
    private static func read(_ addresses: [Address], with reader: BesuAccountReader, concurrency: Int) async throws -> [Account] {
        try await withThrowingTaskGroup(of: (Int, Account).self) { group in
            var results = [Account?](repeating: nil, count: addresses.count)
            var started = 0
            func startNext() {
                guard started < addresses.count else { return }
                let index = started
                group.addTask { (index, try await reader.read(addresses[index])) }
                started += 1
            }
            for _ in 0..<max(1, concurrency) { startNext() }
            while let (index, account) = try await group.next() {
                results[index] = account
                startNext()
            }
            return results.map { $0! }
        }
    }

    /// A hashed key's position in the key space, from its first eight bytes.
    private static func fraction(_ key: [UInt8]) -> Double {
        let leading = key.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return min(Double(leading) / 0x1p64, 1.0.nextDown)
    }
}
