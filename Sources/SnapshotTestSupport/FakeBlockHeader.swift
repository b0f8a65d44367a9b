import SnapshotKit

/// The header fields of a fake chain's block that snapshots care about.
///
/// The hash is deterministic but not a real header hash: keccak256 of the RLP of the fields below, so that every
/// block of every fake chain has a distinct, stable hash.
public struct FakeBlockHeader: Sendable, Equatable {
    public let number: UInt64
    public let hash: [UInt8]
    public let parentHash: [UInt8]
    public let stateRoot: [UInt8]
    public let timestamp: UInt64
    public let gasLimit: UInt64
    /// `nil` before London.
    public let baseFeePerGas: UInt256?
    public let extraData: [UInt8]
    public let miner: Address

    public init(number: UInt64, parentHash: [UInt8], stateRoot: [UInt8], timestamp: UInt64, gasLimit: UInt64,
                baseFeePerGas: UInt256?, extraData: [UInt8], miner: Address) {
        self.number = number
        self.parentHash = parentHash
        self.stateRoot = stateRoot
        self.timestamp = timestamp
        self.gasLimit = gasLimit
        self.baseFeePerGas = baseFeePerGas
        self.extraData = extraData
        self.miner = miner
        var fields = [
            RLP.encode(bytes: parentHash), RLP.encode(bytes: stateRoot), RLP.encode(number), RLP.encode(timestamp),
            RLP.encode(gasLimit), RLP.encode(bytes: extraData), RLP.encode(bytes: miner.bytes),
        ]
        if let baseFeePerGas { fields.append(RLP.encode(baseFeePerGas)) }
        hash = Keccak256.hash(RLP.encodeList(fields))
    }

    /// The block as the pipeline pins it.
    public var pinnedBlock: PinnedBlock {
        PinnedBlock(number: number, hash: hash, stateRoot: stateRoot, timestamp: timestamp, gasLimit: gasLimit,
                    baseFeePerGas: baseFeePerGas, extraData: extraData)
    }
}
