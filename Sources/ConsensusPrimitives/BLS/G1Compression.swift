import EthereumPrimitives
/// The 48-byte compressed encoding of G1 points (ZCash / IETF BLS serialization).
///
/// Byte 0 carries three flags in its top bits: 0x80 = compressed (always set here), 0x40 = point at infinity,
/// 0x20 = y is the lexicographically largest of ±y. The remaining 381 bits are x, big-endian.
extension G1Affine {
    private static let compressionFlag: UInt8 = 0x80
    private static let infinityFlag: UInt8 = 0x40
    private static let signFlag: UInt8 = 0x20

    var compressed: [UInt8] {
        if isInfinity { return [G1Affine.compressionFlag | G1Affine.infinityFlag] + [UInt8](repeating: 0, count: 47) }
        var bytes = x.bigEndianBytes
        bytes[0] |= G1Affine.compressionFlag
        if y.isLexicographicallyLargest { bytes[0] |= G1Affine.signFlag }
        return bytes
    }

    /// Decodes a compressed point and checks that it is on the curve and in G1 (the infinity point is accepted).
    init(compressed bytes: some Collection<UInt8>) throws(BLSError) {
        var bytes = Array(bytes)
        guard bytes.count == 48 else { throw .invalidPointLength(bytes.count) }
        let flags = bytes[0]
        guard flags & G1Affine.compressionFlag != 0 else { throw .notCompressed }
        bytes[0] &= 0x1f
        if flags & G1Affine.infinityFlag != 0 {
            guard flags & G1Affine.signFlag == 0, bytes.allSatisfy({ $0 == 0 }) else { throw .invalidInfinityEncoding }
            self = .infinity
            return
        }
        guard let x = Fp(bigEndian: bytes) else { throw .coordinateNotInField }
        guard var y = (x.squared * x + G1Affine.curveB).squareRoot else { throw .notOnCurve }
        if y.isLexicographicallyLargest != (flags & G1Affine.signFlag != 0) { y = -y }
        let point = G1Affine(x: x, y: y, isInfinity: false)
        guard G1Point(point).isInSubgroup else { throw .notInSubgroup }
        self = point
    }
}
