import EthereumPrimitives
/// `SyncCommittee` (Altair): the `SYNC_COMMITTEE_SIZE` member public keys and their BLS aggregate.
public struct SyncCommittee: Equatable, Sendable {
    /// `pubkeys`: `SYNC_COMMITTEE_SIZE` 48-byte BLS public keys, in committee order (repeats allowed).
    public var pubkeys: [[UInt8]]
    /// `aggregate_pubkey` (48 bytes): the BLS G1 sum of `pubkeys`.
    public var aggregatePubkey: [UInt8]

    /// A committee from its member keys and their aggregate.
    public init(pubkeys: [[UInt8]], aggregatePubkey: [UInt8]) {
        self.pubkeys = pubkeys
        self.aggregatePubkey = aggregatePubkey
    }

    /// The default (all-zero) committee of `preset`.
    public init(preset: ConsensusPreset) {
        let zeroKey = [UInt8](repeating: 0, count: ConsensusConstants.blsPubkeyLength)
        self.init(pubkeys: Array(repeating: zeroKey, count: preset.syncCommitteeSize), aggregatePubkey: zeroKey)
    }

    static func sszLayout(preset: ConsensusPreset) -> [SSZFieldLayout] {
        [
            .fixed("pubkeys", ConsensusConstants.blsPubkeyLength * preset.syncCommitteeSize),
            .fixed("aggregate_pubkey", ConsensusConstants.blsPubkeyLength),
        ]
    }

    /// Encoded size under `preset`.
    public static func sszSize(preset: ConsensusPreset) -> Int { sszLayout(preset: preset).fixedPartSize }

    /// Decodes a committee of `preset`.
    public init(sszBytes: ArraySlice<UInt8>, preset: ConsensusPreset) throws(SSZError) {
        var fields = try SSZContainerDecoder(
            sszBytes, typeName: "SyncCommittee", layout: Self.sszLayout(preset: preset))
        pubkeys = try fields.next().elements(size: Self.keyLength, exactly: preset.syncCommitteeSize) { Array($0) }
        aggregatePubkey = fields.next().byteVector()
    }

    /// Appends the SSZ encoding; the committee must have `preset.syncCommitteeSize` members.
    public func encodeSSZ(into bytes: inout [UInt8], preset: ConsensusPreset) {
        checkSize(preset: preset)
        for pubkey in pubkeys {
            bytes.appendSSZ(byteVector: pubkey, count: Self.keyLength, path: "SyncCommittee.pubkeys")
        }
        bytes.appendSSZ(byteVector: aggregatePubkey, count: Self.keyLength, path: "SyncCommittee.aggregate_pubkey")
    }

    /// `hash_tree_root`; the committee must have `preset.syncCommitteeSize` members.
    public func hashTreeRoot(preset: ConsensusPreset) -> [UInt8] {
        checkSize(preset: preset)
        var hasher = SSZContainerHasher(fieldCount: 2)
        hasher.append(root: SSZ.hashTreeRoot(vectorOfRoots: pubkeys.map { SSZ.hashTreeRoot(byteVector: $0) }))
        hasher.append(byteVector: aggregatePubkey, count: Self.keyLength, path: "SyncCommittee.aggregate_pubkey")
        return hasher.root()
    }

    private static let keyLength = ConsensusConstants.blsPubkeyLength

    private func checkSize(preset: ConsensusPreset) {
        precondition(
            pubkeys.count == preset.syncCommitteeSize,
            "SyncCommittee has \(pubkeys.count) pubkeys, the \(preset.name) preset needs \(preset.syncCommitteeSize)")
    }
}
