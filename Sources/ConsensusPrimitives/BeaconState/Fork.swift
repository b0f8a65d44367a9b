import EthereumPrimitives
/// `Fork`: the previous and current fork versions of a state and the epoch of the last fork.
public struct Fork: SSZFixedSizeCodable, Equatable {
    /// `previous_version` (4 bytes).
    public var previousVersion: [UInt8]
    /// `current_version` (4 bytes).
    public var currentVersion: [UInt8]
    /// `epoch` of the last fork.
    public var epoch: UInt64

    /// A fork record; every field defaults to zero.
    public init(
        previousVersion: [UInt8] = [0, 0, 0, 0], currentVersion: [UInt8] = [0, 0, 0, 0], epoch: UInt64 = 0
    ) {
        self.previousVersion = previousVersion
        self.currentVersion = currentVersion
        self.epoch = epoch
    }

    static let sszLayout: [SSZFieldLayout] = [
        .fixed("previous_version", ConsensusConstants.versionLength),
        .fixed("current_version", ConsensusConstants.versionLength),
        .fixed("epoch", 8),
    ]

    public static let sszSize = sszLayout.fixedPartSize

    public init(sszBytes: ArraySlice<UInt8>) throws(SSZError) {
        var fields = try SSZContainerDecoder(sszBytes, typeName: "Fork", layout: Self.sszLayout)
        previousVersion = fields.next().byteVector()
        currentVersion = fields.next().byteVector()
        epoch = fields.next().uint64()
    }

    public func encodeSSZ(into bytes: inout [UInt8]) {
        let length = ConsensusConstants.versionLength
        bytes.appendSSZ(byteVector: previousVersion, count: length, path: "Fork.previous_version")
        bytes.appendSSZ(byteVector: currentVersion, count: length, path: "Fork.current_version")
        bytes.appendSSZ(epoch)
    }

    public func hashTreeRoot() -> [UInt8] {
        var hasher = SSZContainerHasher(fieldCount: 3)
        let length = ConsensusConstants.versionLength
        hasher.append(byteVector: previousVersion, count: length, path: "Fork.previous_version")
        hasher.append(byteVector: currentVersion, count: length, path: "Fork.current_version")
        hasher.append(epoch)
        return hasher.root()
    }
}
