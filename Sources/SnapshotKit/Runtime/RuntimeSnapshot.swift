/// The facts about a snapshot that its runtime is built from (a subset of `metadata.json`).
public struct RuntimeSnapshot: Sendable, Equatable {
    /// The EL chain id.
    public var chainId: UInt64
    /// The plugin id of the execution client that runs the snapshot (`metadata.runtime.el.client`).
    public var executionClient: String
    /// The plugin id of the consensus client that runs the beacon node and validator client.
    public var consensusClient: String
    /// The consensus preset name (`minimal` or `mainnet`).
    public var preset: String
    /// The consensus fork of the genesis state.
    public var fork: ConsensusFork
    /// The number of genesis validators.
    public var validatorCount: Int
    /// The EL genesis gas limit, which the execution client should keep targeting; nil to use the client's default.
    public var gasLimit: UInt64?
    /// The consensus slot duration in seconds, for execution clients that time block building by the slot; nil when
    /// unknown (clients then assume mainnet's 12 s).
    public var secondsPerSlot: UInt64?
    /// Where the state came from, for the README; nil when unknown.
    public var source: RuntimeSnapshotSource?

    public init(
        chainId: UInt64, executionClient: String, consensusClient: String, preset: String, fork: ConsensusFork,
        validatorCount: Int, gasLimit: UInt64? = nil, secondsPerSlot: UInt64? = nil, source: RuntimeSnapshotSource? = nil
    ) {
        self.chainId = chainId
        self.executionClient = executionClient
        self.consensusClient = consensusClient
        self.preset = preset
        self.fork = fork
        self.validatorCount = validatorCount
        self.gasLimit = gasLimit
        self.secondsPerSlot = secondsPerSlot
        self.source = source
    }
}

/// The source chain of a snapshot, as the README describes it (`metadata.source`, `metadata.state`, `metadata.el`).
public struct RuntimeSnapshotSource: Sendable, Equatable {
    /// The Kurtosis enclave, if any.
    public var enclave: String?
    /// The RPC endpoint read, if any.
    public var rpcURL: String?
    /// The source node's `web3_clientVersion`.
    public var clientVersion: String?
    /// The pinned block.
    public var blockNumber: UInt64
    public var blockHash: String
    /// The pinned block's state root, which the snapshot's EL genesis alloc reproduces.
    public var stateRoot: String
    /// The snapshot's EL genesis block hash.
    public var genesisHash: String?
    /// How many accounts, contracts and storage slots the state holds, when counted.
    public var accounts: Int?
    public var contracts: Int?
    public var storageSlots: Int?
    /// When the snapshot was made (ISO 8601), if known.
    public var createdAt: String?

    public init(
        enclave: String? = nil, rpcURL: String? = nil, clientVersion: String? = nil, blockNumber: UInt64,
        blockHash: String, stateRoot: String, genesisHash: String? = nil, accounts: Int? = nil, contracts: Int? = nil,
        storageSlots: Int? = nil, createdAt: String? = nil
    ) {
        self.enclave = enclave
        self.rpcURL = rpcURL
        self.clientVersion = clientVersion
        self.blockNumber = blockNumber
        self.blockHash = blockHash
        self.stateRoot = stateRoot
        self.genesisHash = genesisHash
        self.accounts = accounts
        self.contracts = contracts
        self.storageSlots = storageSlots
        self.createdAt = createdAt
    }
}
