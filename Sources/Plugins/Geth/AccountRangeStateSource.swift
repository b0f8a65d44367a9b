import SnapshotKit

/// Reads geth's complete world state with `debug_accountRange`, page by page in hashed-address order, several
/// ranges of the key space at once.
///
/// Never uses `debug_dumpBlock`: it stops at 256 accounts without saying so. Every call names the pinned block by
/// hash. Accounts without address preimage fail at once (`AccountRangeError.missingAccountPreimage`), and so does
/// an account whose storage or code does not hash to the roots geth reports with it.
public struct AccountRangeStateSource: StateSource {
    public let name = "debug_accountRange"
    public let rpc: JSONRPCClient

    public init(rpc: JSONRPCClient) {
        self.rpc = rpc
    }

    /// What geth must provide for the whole state to be readable.
    public static let requirements = [
        NodeRequirement(id: "debug-api", summary: "the debug API on the HTTP JSON-RPC endpoint",
                        remedy: "start geth with --http.api=eth,net,web3,debug"),
        NodeRequirement(id: "preimages", summary: "the preimage of every account address and storage slot",
                        remedy: "start geth with --cache.preimages (implied by --gcmode=archive) from geth init on"),
        NodeRequirement(id: "archive-state", summary: "the state of the pinned block when it is not the head",
                        remedy: "start geth with --gcmode=archive"),
    ]

    public var requirements: [NodeRequirement] { Self.requirements }

    /// One `debug_accountRange` call for a single account at the pinned block: fails with an `AccountRangeError`
    /// when the debug API is off, the block's state is gone, or the first account has no preimage.
    public func checkRequirements(at block: PinnedBlock) async throws {
        _ = try await AccountRangeFetcher(rpc: rpc, block: block).page(from: .zero, maxResults: 1, withCodeAndStorage: false)
    }

    public func accountPages(_ context: StateSourceContext) -> AsyncThrowingStream<[Account], any Error> {
        let reader = AccountRangeReader(fetcher: AccountRangeFetcher(rpc: rpc, block: context.block),
                                        concurrency: context.concurrency, progress: context.progress)
        return AsyncThrowingStream { try await reader.nextPage() }
    }
}
