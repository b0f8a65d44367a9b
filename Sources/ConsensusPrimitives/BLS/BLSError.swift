import EthereumPrimitives
/// Why bytes are not a valid BLS12-381 key or compressed G1 point.
public enum BLSError: Error, Equatable, CustomStringConvertible {
    /// A compressed G1 point must be exactly 48 bytes.
    case invalidPointLength(Int)
    /// The top bit (compression flag) of a compressed point is not set.
    case notCompressed
    /// The infinity flag is set but the sign flag or other bits are not zero.
    case invalidInfinityEncoding
    /// The x coordinate is not below the field modulus p.
    case coordinateNotInField
    /// No curve point has this x coordinate.
    case notOnCurve
    /// The point is on the curve but outside the order-r subgroup G1.
    case notInSubgroup
    /// A public key may not be the point at infinity.
    case infinityPublicKey
    /// A secret key must be 32 bytes.
    case invalidSecretKeyLength(Int)
    /// A secret key must be in 1 ..< r.
    case secretKeyOutOfRange

    public var description: String {
        switch self {
        case .invalidPointLength(let count):
            "BLS G1 point has \(count) bytes; a compressed G1 point (public key) has 48"
        case .notCompressed:
            "BLS G1 point is not in compressed form (top bit of the first byte is 0); use the 48-byte compressed encoding"
        case .invalidInfinityEncoding:
            "BLS G1 point has the infinity flag set but non-zero sign or coordinate bits; the encoding is corrupt"
        case .coordinateNotInField:
            "BLS G1 point x coordinate is not below the field modulus p; the encoding is corrupt"
        case .notOnCurve:
            "BLS G1 point is not on the curve y² = x³ + 4; the bytes are not a valid public key"
        case .notInSubgroup:
            "BLS G1 point is not in the prime-order subgroup; the bytes are not a valid public key"
        case .infinityPublicKey:
            "BLS public key is the point at infinity, which is not a valid public key"
        case .invalidSecretKeyLength(let count):
            "BLS secret key has \(count) bytes; it must be 32 (big-endian)"
        case .secretKeyOutOfRange:
            "BLS secret key is zero or not below the group order r; it is not a valid key"
        }
    }
}
