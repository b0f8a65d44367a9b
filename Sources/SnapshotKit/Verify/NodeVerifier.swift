import Foundation

/// Checks a running stack's execution node against its snapshot folder: the node's chain id is the genesis config's,
/// its block 0 has the snapshot's genesis hash and state root, and `eth_getProof` at block 0 proves a sample of the
/// alloc accounts (or all of them) with exactly the balance, nonce, code hash and storage root the alloc gives them.
///
/// It complements ``SnapshotVerifier``, which checks the folder itself; `snapshotter verify --rpc-url` runs both and
/// prints one report. The checks are independent: an unreadable `el/genesis.json` fails the checks that need it.
public struct NodeVerifier: Sendable {
    /// The names of the checks ``run(progress:)`` returns, in order.
    public static let checkNames = ["node.chainId", "node.genesisHash", "node.stateRoot", "node.accounts"]

    /// The block every read is made at: the genesis block the stack started from.
    static let genesisBlock = JSONValue.string("0x0")

    /// The snapshot folder.
    public let folder: URL
    /// The node's HTTP JSON-RPC client.
    public let rpc: JSONRPCClient
    /// The alloc accounts to prove.
    public let sample: AccountSample
    /// `eth_getProof` calls per batch request.
    public let batchSize: Int
    /// Batch requests in flight at once.
    public let concurrency: Int

    public init(folder: URL, rpc: JSONRPCClient, sample: AccountSample = .standard, batchSize: Int = 16, concurrency: Int = 4) {
        self.folder = folder
        self.rpc = rpc
        self.sample = sample
        self.batchSize = max(1, batchSize)
        self.concurrency = max(1, concurrency)
    }

    /// Runs every check, reporting the accounts proven so far to `progress` (phase `accounts`, with the fraction of
    /// the sample done).
    ///
    /// `genesis` is what `el/genesis.json` holds when the caller already read it — `verify` hands on what
    /// ``SnapshotVerifier/runKeepingExecutionGenesis()`` found — else it is read here. Either way the alloc is then
    /// streamed once more to collect the accounts to prove, a window of them at a time: memory does not grow with the
    /// alloc or the sample.
    ///
    /// Throws ``SnapshotVerificationError`` when the folder has no usable `metadata.json`, and ``JSONRPCError`` when
    /// the node cannot be reached or refuses a call: then nothing about the node could be checked.
    public func run(
        genesis: Result<GenesisSummary, SnapshotVerificationError>? = nil, progress: StateProgressHandler? = nil
    ) async throws -> [VerificationCheck] {
        let files = SnapshotVerifier(folder: folder)
        let metadata = try files.loadMetadata()
        let genesis = genesis ?? Result { () throws(SnapshotVerificationError) in try files.loadExecutionGenesis() }
        let chainID = try await rpc.call("eth_chainId")
        let block = try await rpc.call("eth_getBlockByNumber", params: [Self.genesisBlock, .bool(false)])
        let nodeBlock = NodeGenesisBlock(json: block)
        return [
            checkChainID(chainID, genesis),
            checkGenesisHash(nodeBlock, metadata, genesis),
            checkStateRoot(nodeBlock, metadata, genesis),
            try await checkAccounts(nodeBlock, genesis, alloc: files.url("el/genesis.json"), progress: progress),
        ]
    }
}
