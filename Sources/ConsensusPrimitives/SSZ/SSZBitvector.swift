import EthereumPrimitives
/// An SSZ `Bitvector[N]`: N bits, bit i stored in byte i / 8 at position i % 8 (least significant first).
public struct SSZBitvector: Equatable, Sendable {
    /// The number of bits, N.
    public let count: Int
    /// The packed bits, ⌈N / 8⌉ bytes; bits past N are zero.
    public private(set) var bytes: [UInt8]

    /// N cleared bits.
    public init(count: Int) {
        self.count = count
        bytes = [UInt8](repeating: 0, count: (count + 7) / 8)
    }

    /// Decodes ⌈N / 8⌉ bytes; set bits past N are an error.
    init(decoding field: SSZField, count: Int) throws(SSZError) {
        let byteCount = (count + 7) / 8
        guard field.bytes.count == byteCount else {
            throw .wrongLength(path: field.path, expected: byteCount, actual: field.bytes.count)
        }
        if count % 8 != 0, field.bytes.last! >> (count % 8) != 0 {
            throw .bitvectorPaddingNotZero(path: field.path)
        }
        self.count = count
        bytes = Array(field.bytes)
    }

    /// Bit `index`, 0 ≤ index < N.
    public subscript(index: Int) -> Bool {
        get {
            precondition(index >= 0 && index < count, "SSZBitvector index \(index) out of range 0..<\(count)")
            return bytes[index / 8] >> (index % 8) & 1 == 1
        }
        set {
            precondition(index >= 0 && index < count, "SSZBitvector index \(index) out of range 0..<\(count)")
            let mask = UInt8(1) << (index % 8)
            if newValue { bytes[index / 8] |= mask } else { bytes[index / 8] &= ~mask }
        }
    }

    /// `hash_tree_root`: the packed bits merkleized to ⌈N / 256⌉ chunks.
    public func hashTreeRoot() -> [UInt8] {
        SSZ.merkleize(chunks: SSZ.paddedToChunks(bytes), limit: (count + 255) / 256)
    }
}
