import EthereumPrimitives
/// `Eth1Data`: the deposit contract state a beacon state has agreed on.
public struct Eth1Data: SSZFixedSizeCodable, Equatable {
    /// `deposit_root` (32 bytes).
    public var depositRoot: [UInt8]
    /// `deposit_count`.
    public var depositCount: UInt64
    /// `block_hash` (32 bytes).
    public var blockHash: [UInt8]

    /// Eth1 data from its fields; every field defaults to zero.
    public init(
        depositRoot: [UInt8] = [UInt8](repeating: 0, count: 32), depositCount: UInt64 = 0,
        blockHash: [UInt8] = [UInt8](repeating: 0, count: 32)
    ) {
        self.depositRoot = depositRoot
        self.depositCount = depositCount
        self.blockHash = blockHash
    }

    /// Root of the empty deposit tree: a depth-32 tree of zero leaves with length 0 mixed in, as the deposit
    /// contract reports before any deposit (`0xd70a2347…7e5e`).
    public static var emptyDepositRoot: [UInt8] {
        SSZ.mixInLength(SSZ.zeroHashes[ConsensusConstants.depositContractTreeDepth], length: 0)
    }

    static let sszLayout: [SSZFieldLayout] = [
        .fixed("deposit_root", 32), .fixed("deposit_count", 8), .fixed("block_hash", 32),
    ]

    public static let sszSize = sszLayout.fixedPartSize

    public init(sszBytes: ArraySlice<UInt8>) throws(SSZError) {
        var fields = try SSZContainerDecoder(sszBytes, typeName: "Eth1Data", layout: Self.sszLayout)
        depositRoot = fields.next().byteVector()
        depositCount = fields.next().uint64()
        blockHash = fields.next().byteVector()
    }

    public func encodeSSZ(into bytes: inout [UInt8]) {
        bytes.appendSSZ(byteVector: depositRoot, count: 32, path: "Eth1Data.deposit_root")
        bytes.appendSSZ(depositCount)
        bytes.appendSSZ(byteVector: blockHash, count: 32, path: "Eth1Data.block_hash")
    }

    public func hashTreeRoot() -> [UInt8] {
        var hasher = SSZContainerHasher(fieldCount: 3)
        hasher.append(byteVector: depositRoot, count: 32, path: "Eth1Data.deposit_root")
        hasher.append(depositCount)
        hasher.append(byteVector: blockHash, count: 32, path: "Eth1Data.block_hash")
        return hasher.root()
    }
}
