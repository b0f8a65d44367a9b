import EthereumPrimitives
/// A BLS12-381 public key: a point of G1 (minimal-pubkey-size scheme), kept with its 48-byte compressed form.
public struct BLSPublicKey: Sendable, Hashable {
    /// The 48-byte compressed encoding (what deposit data, keystores and beacon states hold).
    public let compressed: [UInt8]
    let point: G1Affine

    init(validPoint: G1Affine) {
        point = validPoint
        compressed = validPoint.compressed
    }

    /// Decodes a 48-byte compressed key, checking the flags, the curve equation and subgroup membership, and
    /// rejecting the point at infinity (the checks of the IETF KeyValidate).
    public init(compressed bytes: some Collection<UInt8>) throws(BLSError) {
        let point = try G1Affine(compressed: bytes)
        guard !point.isInfinity else { throw .infinityPublicKey }
        self.init(validPoint: point)
    }

    /// The compressed key as `0x` hex.
    public var hexString: String { compressed.hexString }

    /// The G1 sum of the keys, duplicates included (the sync committee's aggregate pubkey).
    /// An empty list gives the point at infinity (0xc0 followed by zeros).
    public static func aggregate(_ keys: [BLSPublicKey]) -> BLSPublicKey {
        let sum = keys.reduce(G1Point.infinity) { $0 + $1.point }
        return BLSPublicKey(validPoint: sum.affine)
    }

    public static func == (lhs: BLSPublicKey, rhs: BLSPublicKey) -> Bool { lhs.compressed == rhs.compressed }

    public func hash(into hasher: inout Hasher) { hasher.combine(compressed) }
}
