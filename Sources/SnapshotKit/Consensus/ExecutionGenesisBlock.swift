/// The EL genesis block a consensus genesis builds on: the genesis parameters (chain config and fork schedule) and the
/// header go-ethereum's `Genesis.ToBlock()` makes of them.
public struct ExecutionGenesisBlock: Sendable, Equatable {
    /// The genesis file's config and block fields.
    public let parameters: GenesisParameters
    /// The genesis block header.
    public let header: GenesisHeader
    /// The genesis block hash: `eth1_data.block_hash`, every randao mix and the payload header's `block_hash`.
    public let hash: [UInt8]

    /// From parameters and a header built from them (e.g. with a streamed state root).
    public init(parameters: GenesisParameters, header: GenesisHeader) {
        self.parameters = parameters
        self.header = header
        hash = header.hash()
    }

    /// From a genesis file (computes the alloc's state root).
    public init(_ genesis: GenesisFile) {
        self.init(parameters: genesis.parameters, header: genesis.header())
    }

    /// Whether the execution fork named `name` (as the chain config spells it: `cancun`, `prague`, `osaka`, `bpo1`…)
    /// is active at the genesis block, by geth's rules.
    public func isForkActive(_ name: String) -> Bool {
        let config = parameters.config
        return config.activations.contains {
            $0.name.lowercased() == name.lowercased()
                && config.isActive($0, atBlock: parameters.number, timestamp: parameters.timestamp)
        }
    }

    /// The Deneb-layout `ExecutionPayloadHeader` of this block, as eth-beacon-genesis fills it: `prev_randao` zero,
    /// transactions root of the empty list, withdrawals root of the empty list when Shanghai is active (else zero).
    /// Throws when the header has no blob gas fields (Cancun inactive) or its extra data is too long.
    public func payloadHeader(preset: ConsensusPreset) throws(ConsensusGenesisError) -> ExecutionPayloadHeader {
        guard let blobGasUsed = header.blobGasUsed, let excessBlobGas = header.excessBlobGas else {
            throw .executionForkMissing(consensusFork: "deneb", executionFork: "cancun")
        }
        guard header.extraData.count <= preset.maxExtraDataBytes else {
            throw .extraDataTooLong(bytes: header.extraData.count, limit: preset.maxExtraDataBytes)
        }
        var payload = ExecutionPayloadHeader(preset: preset)
        payload.parentHash = header.parentHash
        payload.feeRecipient = header.coinbase.bytes
        payload.stateRoot = header.stateRoot
        payload.receiptsRoot = header.receiptsRoot
        payload.logsBloom = header.logsBloom
        payload.blockNumber = header.number
        payload.gasLimit = header.gasLimit
        payload.gasUsed = header.gasUsed
        payload.timestamp = header.timestamp
        payload.extraData = header.extraData
        payload.baseFeePerGas = header.baseFeePerGas ?? .zero
        payload.blockHash = hash
        payload.transactionsRoot = ExecutionPayloadHeader.emptyTransactionsRoot(preset: preset)
        if header.withdrawalsRoot != nil {
            payload.withdrawalsRoot = ExecutionPayloadHeader.emptyWithdrawalsRoot(preset: preset)
        }
        payload.blobGasUsed = blobGasUsed
        payload.excessBlobGas = excessBlobGas
        return payload
    }
}
