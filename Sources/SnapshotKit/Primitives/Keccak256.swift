/// Keccak-256 as Ethereum uses it: the original Keccak padding (0x01), not NIST SHA3-256 (0x06).
public enum Keccak256 {
    /// Hash of the empty string, `c5d2…a470` (the code hash of an account without code).
    public static let emptyHash: [UInt8] = hash([])

    /// The 32-byte Keccak-256 digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBytes { hash($0) }
    }

    /// The 32-byte Keccak-256 digest of the bytes in `buffer`.
    public static func hash(_ buffer: UnsafeRawBufferPointer) -> [UInt8] {
        let rate = 136
        var state = [UInt64](repeating: 0, count: 25)
        var offset = 0
        while buffer.count - offset >= rate {
            absorb(buffer, from: offset, count: rate, into: &state)
            permute(&state)
            offset += rate
        }
        var last = [UInt8](repeating: 0, count: rate)
        for index in 0..<(buffer.count - offset) { last[index] = buffer[offset + index] }
        last[buffer.count - offset] ^= 0x01
        last[rate - 1] ^= 0x80
        last.withUnsafeBytes { absorb($0, from: 0, count: rate, into: &state) }
        permute(&state)
        var digest = [UInt8](repeating: 0, count: 32)
        for index in 0..<32 { digest[index] = UInt8(truncatingIfNeeded: state[index / 8] >> (8 * UInt64(index % 8))) }
        return digest
    }

    private static func absorb(_ buffer: UnsafeRawBufferPointer, from offset: Int, count: Int, into state: inout [UInt64]) {
        for lane in 0..<(count / 8) {
            var word: UInt64 = 0
            for byte in 0..<8 { word |= UInt64(buffer[offset + lane * 8 + byte]) << (8 * UInt64(byte)) }
            state[lane] ^= word
        }
    }

    private static let roundConstants: [UInt64] = [
        0x0000_0000_0000_0001, 0x0000_0000_0000_8082, 0x8000_0000_0000_808A, 0x8000_0000_8000_8000,
        0x0000_0000_0000_808B, 0x0000_0000_8000_0001, 0x8000_0000_8000_8081, 0x8000_0000_0000_8009,
        0x0000_0000_0000_008A, 0x0000_0000_0000_0088, 0x0000_0000_8000_8009, 0x0000_0000_8000_000A,
        0x0000_0000_8000_808B, 0x8000_0000_0000_008B, 0x8000_0000_0000_8089, 0x8000_0000_0000_8003,
        0x8000_0000_0000_8002, 0x8000_0000_0000_0080, 0x0000_0000_0000_800A, 0x8000_0000_8000_000A,
        0x8000_0000_8000_8081, 0x8000_0000_0000_8080, 0x0000_0000_8000_0001, 0x8000_0000_8000_8008,
    ]
    private static let rotations: [UInt64] = [
        0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14,
    ]

    private static func permute(_ a: inout [UInt64]) {
        var b = [UInt64](repeating: 0, count: 25)
        var c = [UInt64](repeating: 0, count: 5)
        for round in 0..<24 {
            for x in 0..<5 { c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20] }
            for x in 0..<5 {
                let d = c[(x + 4) % 5] ^ rotate(c[(x + 1) % 5], 1)
                for y in stride(from: 0, to: 25, by: 5) { a[y + x] ^= d }
            }
            for x in 0..<5 {
                for y in 0..<5 {
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = rotate(a[x + 5 * y], rotations[x + 5 * y])
                }
            }
            for y in stride(from: 0, to: 25, by: 5) {
                for x in 0..<5 { a[y + x] = b[y + x] ^ (~b[y + (x + 1) % 5] & b[y + (x + 2) % 5]) }
            }
            a[0] ^= roundConstants[round]
        }
    }

    private static func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
        count == 0 ? value : (value << count) | (value >> (64 - count))
    }
}
