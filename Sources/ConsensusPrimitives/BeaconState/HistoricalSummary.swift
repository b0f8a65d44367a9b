import EthereumPrimitives
/// `HistoricalSummary` (Capella): roots of a past `block_roots` and `state_roots` period.
public struct HistoricalSummary: SSZFixedSizeCodable, Equatable {
    /// `block_summary_root` (32 bytes).
    public var blockSummaryRoot: [UInt8]
    /// `state_summary_root` (32 bytes).
    public var stateSummaryRoot: [UInt8]

    /// A summary from its two roots.
    public init(blockSummaryRoot: [UInt8], stateSummaryRoot: [UInt8]) {
        self.blockSummaryRoot = blockSummaryRoot
        self.stateSummaryRoot = stateSummaryRoot
    }

    static let sszLayout: [SSZFieldLayout] = [.fixed("block_summary_root", 32), .fixed("state_summary_root", 32)]

    public static let sszSize = sszLayout.fixedPartSize

    public init(sszBytes: ArraySlice<UInt8>) throws(SSZError) {
        var fields = try SSZContainerDecoder(sszBytes, typeName: "HistoricalSummary", layout: Self.sszLayout)
        blockSummaryRoot = fields.next().byteVector()
        stateSummaryRoot = fields.next().byteVector()
    }

    public func encodeSSZ(into bytes: inout [UInt8]) {
        bytes.appendSSZ(byteVector: blockSummaryRoot, count: 32, path: "HistoricalSummary.block_summary_root")
        bytes.appendSSZ(byteVector: stateSummaryRoot, count: 32, path: "HistoricalSummary.state_summary_root")
    }

    public func hashTreeRoot() -> [UInt8] {
        var hasher = SSZContainerHasher(fieldCount: 2)
        hasher.append(byteVector: blockSummaryRoot, count: 32, path: "HistoricalSummary.block_summary_root")
        hasher.append(byteVector: stateSummaryRoot, count: 32, path: "HistoricalSummary.state_summary_root")
        return hasher.root()
    }
}
