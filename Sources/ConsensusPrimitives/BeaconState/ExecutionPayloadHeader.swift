import EthereumPrimitives
/// `ExecutionPayloadHeader` in the Deneb layout (unchanged in Electra and Fulu): an execution block header with the
/// transactions and withdrawals replaced by their SSZ roots.
public struct ExecutionPayloadHeader: Equatable, Sendable {
    /// `parent_hash` (32 bytes).
    public var parentHash: [UInt8]
    /// `fee_recipient` (20-byte address).
    public var feeRecipient: [UInt8]
    /// `state_root` (32 bytes).
    public var stateRoot: [UInt8]
    /// `receipts_root` (32 bytes).
    public var receiptsRoot: [UInt8]
    /// `logs_bloom` (`BYTES_PER_LOGS_BLOOM` bytes).
    public var logsBloom: [UInt8]
    /// `prev_randao` (32 bytes).
    public var prevRandao: [UInt8]
    /// `block_number`.
    public var blockNumber: UInt64
    /// `gas_limit`.
    public var gasLimit: UInt64
    /// `gas_used`.
    public var gasUsed: UInt64
    /// `timestamp`.
    public var timestamp: UInt64
    /// `extra_data` (at most `MAX_EXTRA_DATA_BYTES` bytes).
    public var extraData: [UInt8]
    /// `base_fee_per_gas`.
    public var baseFeePerGas: UInt256
    /// `block_hash` (32 bytes).
    public var blockHash: [UInt8]
    /// `transactions_root` (32 bytes).
    public var transactionsRoot: [UInt8]
    /// `withdrawals_root` (32 bytes).
    public var withdrawalsRoot: [UInt8]
    /// `blob_gas_used`.
    public var blobGasUsed: UInt64
    /// `excess_blob_gas`.
    public var excessBlobGas: UInt64

    /// The default (all-zero) header of `preset`; set the fields one by one.
    public init(preset: ConsensusPreset) {
        let zero = [UInt8](repeating: 0, count: 32)
        parentHash = zero
        feeRecipient = [UInt8](repeating: 0, count: ConsensusConstants.executionAddressLength)
        stateRoot = zero
        receiptsRoot = zero
        logsBloom = [UInt8](repeating: 0, count: preset.bytesPerLogsBloom)
        prevRandao = zero
        blockNumber = 0
        gasLimit = 0
        gasUsed = 0
        timestamp = 0
        extraData = []
        baseFeePerGas = .zero
        blockHash = zero
        transactionsRoot = zero
        withdrawalsRoot = zero
        blobGasUsed = 0
        excessBlobGas = 0
    }

    /// `hash_tree_root` of an empty `List[Transaction, MAX_TRANSACTIONS_PER_PAYLOAD]` (`0x7ffe241e…ede1`).
    public static func emptyTransactionsRoot(preset: ConsensusPreset) -> [UInt8] {
        SSZ.hashTreeRoot(listOfRoots: [], limit: preset.maxTransactionsPerPayload)
    }

    /// `hash_tree_root` of an empty `List[Withdrawal, MAX_WITHDRAWALS_PER_PAYLOAD]` (minimal `0x28ba1834…ec30`,
    /// mainnet `0x792930bb…b535`).
    public static func emptyWithdrawalsRoot(preset: ConsensusPreset) -> [UInt8] {
        SSZ.hashTreeRoot(listOfRoots: [], limit: preset.maxWithdrawalsPerPayload)
    }

    static func sszLayout(preset: ConsensusPreset) -> [SSZFieldLayout] {
        [
            .fixed("parent_hash", 32), .fixed("fee_recipient", ConsensusConstants.executionAddressLength),
            .fixed("state_root", 32), .fixed("receipts_root", 32), .fixed("logs_bloom", preset.bytesPerLogsBloom),
            .fixed("prev_randao", 32), .fixed("block_number", 8), .fixed("gas_limit", 8), .fixed("gas_used", 8),
            .fixed("timestamp", 8), .variable("extra_data"), .fixed("base_fee_per_gas", 32), .fixed("block_hash", 32),
            .fixed("transactions_root", 32), .fixed("withdrawals_root", 32), .fixed("blob_gas_used", 8),
            .fixed("excess_blob_gas", 8),
        ]
    }

    /// Decodes a header of `preset`.
    public init(sszBytes: ArraySlice<UInt8>, preset: ConsensusPreset) throws(SSZError) {
        var fields = try SSZContainerDecoder(
            sszBytes, typeName: "ExecutionPayloadHeader", layout: Self.sszLayout(preset: preset))
        parentHash = fields.next().byteVector()
        feeRecipient = fields.next().byteVector()
        stateRoot = fields.next().byteVector()
        receiptsRoot = fields.next().byteVector()
        logsBloom = fields.next().byteVector()
        prevRandao = fields.next().byteVector()
        blockNumber = fields.next().uint64()
        gasLimit = fields.next().uint64()
        gasUsed = fields.next().uint64()
        timestamp = fields.next().uint64()
        extraData = try fields.next().byteList(limit: preset.maxExtraDataBytes)
        baseFeePerGas = fields.next().uint256()
        blockHash = fields.next().byteVector()
        transactionsRoot = fields.next().byteVector()
        withdrawalsRoot = fields.next().byteVector()
        blobGasUsed = fields.next().uint64()
        excessBlobGas = fields.next().uint64()
    }

    /// The SSZ encoding under `preset`.
    public func serialize(preset: ConsensusPreset) -> [UInt8] {
        precondition(
            extraData.count <= preset.maxExtraDataBytes,
            "ExecutionPayloadHeader.extra_data has \(extraData.count) bytes, the limit is \(preset.maxExtraDataBytes)")
        var encoder = SSZContainerEncoder()
        encoder.fixedPart.appendSSZ(byteVector: parentHash, count: 32, path: "ExecutionPayloadHeader.parent_hash")
        encoder.fixedPart.appendSSZ(
            byteVector: feeRecipient, count: ConsensusConstants.executionAddressLength,
            path: "ExecutionPayloadHeader.fee_recipient")
        encoder.fixedPart.appendSSZ(byteVector: stateRoot, count: 32, path: "ExecutionPayloadHeader.state_root")
        encoder.fixedPart.appendSSZ(byteVector: receiptsRoot, count: 32, path: "ExecutionPayloadHeader.receipts_root")
        encoder.fixedPart.appendSSZ(
            byteVector: logsBloom, count: preset.bytesPerLogsBloom, path: "ExecutionPayloadHeader.logs_bloom")
        encoder.fixedPart.appendSSZ(byteVector: prevRandao, count: 32, path: "ExecutionPayloadHeader.prev_randao")
        encoder.fixedPart.appendSSZ(blockNumber)
        encoder.fixedPart.appendSSZ(gasLimit)
        encoder.fixedPart.appendSSZ(gasUsed)
        encoder.fixedPart.appendSSZ(timestamp)
        encoder.appendVariable(extraData)
        encoder.fixedPart.appendSSZ(baseFeePerGas)
        encoder.fixedPart.appendSSZ(byteVector: blockHash, count: 32, path: "ExecutionPayloadHeader.block_hash")
        encoder.fixedPart.appendSSZ(
            byteVector: transactionsRoot, count: 32, path: "ExecutionPayloadHeader.transactions_root")
        encoder.fixedPart.appendSSZ(
            byteVector: withdrawalsRoot, count: 32, path: "ExecutionPayloadHeader.withdrawals_root")
        encoder.fixedPart.appendSSZ(blobGasUsed)
        encoder.fixedPart.appendSSZ(excessBlobGas)
        return encoder.finish()
    }

    /// `hash_tree_root` under `preset` (the `extra_data` limit and bloom size come from it).
    public func hashTreeRoot(preset: ConsensusPreset) -> [UInt8] {
        var hasher = SSZContainerHasher(fieldCount: 17)
        hasher.append(byteVector: parentHash, count: 32, path: "ExecutionPayloadHeader.parent_hash")
        hasher.append(
            byteVector: feeRecipient, count: ConsensusConstants.executionAddressLength,
            path: "ExecutionPayloadHeader.fee_recipient")
        hasher.append(byteVector: stateRoot, count: 32, path: "ExecutionPayloadHeader.state_root")
        hasher.append(byteVector: receiptsRoot, count: 32, path: "ExecutionPayloadHeader.receipts_root")
        hasher.append(byteVector: logsBloom, count: preset.bytesPerLogsBloom, path: "ExecutionPayloadHeader.logs_bloom")
        hasher.append(byteVector: prevRandao, count: 32, path: "ExecutionPayloadHeader.prev_randao")
        hasher.append(blockNumber)
        hasher.append(gasLimit)
        hasher.append(gasUsed)
        hasher.append(timestamp)
        hasher.append(root: SSZ.hashTreeRoot(byteList: extraData, limit: preset.maxExtraDataBytes))
        hasher.append(root: SSZ.hashTreeRoot(uint256: baseFeePerGas))
        hasher.append(byteVector: blockHash, count: 32, path: "ExecutionPayloadHeader.block_hash")
        hasher.append(byteVector: transactionsRoot, count: 32, path: "ExecutionPayloadHeader.transactions_root")
        hasher.append(byteVector: withdrawalsRoot, count: 32, path: "ExecutionPayloadHeader.withdrawals_root")
        hasher.append(blobGasUsed)
        hasher.append(excessBlobGas)
        return hasher.root()
    }
}
