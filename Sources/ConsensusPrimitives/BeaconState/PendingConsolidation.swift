import EthereumPrimitives
/// `PendingConsolidation` (Electra): a consolidation waiting in the state's queue.
public struct PendingConsolidation: SSZFixedSizeCodable, Equatable {
    /// `source_index`.
    public var sourceIndex: UInt64
    /// `target_index`.
    public var targetIndex: UInt64

    /// A pending consolidation from its fields.
    public init(sourceIndex: UInt64, targetIndex: UInt64) {
        self.sourceIndex = sourceIndex
        self.targetIndex = targetIndex
    }

    static let sszLayout: [SSZFieldLayout] = [.fixed("source_index", 8), .fixed("target_index", 8)]

    public static let sszSize = sszLayout.fixedPartSize

    public init(sszBytes: ArraySlice<UInt8>) throws(SSZError) {
        var fields = try SSZContainerDecoder(sszBytes, typeName: "PendingConsolidation", layout: Self.sszLayout)
        sourceIndex = fields.next().uint64()
        targetIndex = fields.next().uint64()
    }

    public func encodeSSZ(into bytes: inout [UInt8]) {
        bytes.appendSSZ(sourceIndex)
        bytes.appendSSZ(targetIndex)
    }

    public func hashTreeRoot() -> [UInt8] {
        var hasher = SSZContainerHasher(fieldCount: 2)
        hasher.append(sourceIndex)
        hasher.append(targetIndex)
        return hasher.root()
    }
}
