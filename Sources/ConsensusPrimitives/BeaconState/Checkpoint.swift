import EthereumPrimitives
/// `Checkpoint`: an epoch and the block root at its start.
public struct Checkpoint: SSZFixedSizeCodable, Equatable {
    /// `epoch`.
    public var epoch: UInt64
    /// `root` (32 bytes).
    public var root: [UInt8]

    /// A checkpoint; the default is the zero checkpoint of genesis.
    public init(epoch: UInt64 = 0, root: [UInt8] = [UInt8](repeating: 0, count: 32)) {
        self.epoch = epoch
        self.root = root
    }

    static let sszLayout: [SSZFieldLayout] = [.fixed("epoch", 8), .fixed("root", 32)]

    public static let sszSize = sszLayout.fixedPartSize

    public init(sszBytes: ArraySlice<UInt8>) throws(SSZError) {
        var fields = try SSZContainerDecoder(sszBytes, typeName: "Checkpoint", layout: Self.sszLayout)
        epoch = fields.next().uint64()
        root = fields.next().byteVector()
    }

    public func encodeSSZ(into bytes: inout [UInt8]) {
        bytes.appendSSZ(epoch)
        bytes.appendSSZ(byteVector: root, count: 32, path: "Checkpoint.root")
    }

    public func hashTreeRoot() -> [UInt8] {
        var hasher = SSZContainerHasher(fieldCount: 2)
        hasher.append(epoch)
        hasher.append(byteVector: root, count: 32, path: "Checkpoint.root")
        return hasher.root()
    }
}
