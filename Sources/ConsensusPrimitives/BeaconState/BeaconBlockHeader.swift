import EthereumPrimitives
/// `BeaconBlockHeader`: a beacon block with its body replaced by the body's root.
public struct BeaconBlockHeader: SSZFixedSizeCodable, Equatable {
    /// `slot`.
    public var slot: UInt64
    /// `proposer_index`.
    public var proposerIndex: UInt64
    /// `parent_root` (32 bytes).
    public var parentRoot: [UInt8]
    /// `state_root` (32 bytes).
    public var stateRoot: [UInt8]
    /// `body_root` (32 bytes).
    public var bodyRoot: [UInt8]

    /// A header from its fields; every field defaults to zero (the genesis header needs only `bodyRoot`).
    public init(
        slot: UInt64 = 0, proposerIndex: UInt64 = 0, parentRoot: [UInt8] = [UInt8](repeating: 0, count: 32),
        stateRoot: [UInt8] = [UInt8](repeating: 0, count: 32), bodyRoot: [UInt8] = [UInt8](repeating: 0, count: 32)
    ) {
        self.slot = slot
        self.proposerIndex = proposerIndex
        self.parentRoot = parentRoot
        self.stateRoot = stateRoot
        self.bodyRoot = bodyRoot
    }

    static let sszLayout: [SSZFieldLayout] = [
        .fixed("slot", 8), .fixed("proposer_index", 8), .fixed("parent_root", 32), .fixed("state_root", 32),
        .fixed("body_root", 32),
    ]

    public static let sszSize = sszLayout.fixedPartSize

    public init(sszBytes: ArraySlice<UInt8>) throws(SSZError) {
        var fields = try SSZContainerDecoder(sszBytes, typeName: "BeaconBlockHeader", layout: Self.sszLayout)
        slot = fields.next().uint64()
        proposerIndex = fields.next().uint64()
        parentRoot = fields.next().byteVector()
        stateRoot = fields.next().byteVector()
        bodyRoot = fields.next().byteVector()
    }

    public func encodeSSZ(into bytes: inout [UInt8]) {
        bytes.appendSSZ(slot)
        bytes.appendSSZ(proposerIndex)
        bytes.appendSSZ(byteVector: parentRoot, count: 32, path: "BeaconBlockHeader.parent_root")
        bytes.appendSSZ(byteVector: stateRoot, count: 32, path: "BeaconBlockHeader.state_root")
        bytes.appendSSZ(byteVector: bodyRoot, count: 32, path: "BeaconBlockHeader.body_root")
    }

    public func hashTreeRoot() -> [UInt8] {
        var hasher = SSZContainerHasher(fieldCount: 5)
        hasher.append(slot)
        hasher.append(proposerIndex)
        hasher.append(byteVector: parentRoot, count: 32, path: "BeaconBlockHeader.parent_root")
        hasher.append(byteVector: stateRoot, count: 32, path: "BeaconBlockHeader.state_root")
        hasher.append(byteVector: bodyRoot, count: 32, path: "BeaconBlockHeader.body_root")
        return hasher.root()
    }
}
