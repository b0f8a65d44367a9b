import EthereumPrimitives
/// A BLS12-381 secret key: an integer in 1 ..< r (r the order of G1).
public struct BLSSecretKey: Sendable, Hashable {
    /// The key as an integer, 1 ≤ value < r.
    public let value: UInt256

    /// Wraps an integer; throws if it is zero or not below r.
    public init(_ value: UInt256) throws(BLSError) {
        guard !value.isZero, value < ScalarField.order else { throw .secretKeyOutOfRange }
        self.value = value
    }

    /// Wraps an integer already known to be in 1 ..< r.
    init(validValue: UInt256) {
        value = validValue
    }

    /// Reads 32 big-endian bytes (the EIP-2335 / deposit-cli form).
    public init(bigEndian bytes: some Collection<UInt8>) throws(BLSError) {
        guard bytes.count == 32, let value = UInt256(bigEndian: bytes) else { throw .invalidSecretKeyLength(bytes.count) }
        try self.init(value)
    }

    /// The key as 32 big-endian bytes.
    public var bytes: [UInt8] { value.bigEndianBytes }

    /// The public key sk·G in G1.
    public var publicKey: BLSPublicKey {
        BLSPublicKey(validPoint: G1GeneratorTable.multiplyGenerator(by: value).affine)
    }
}
