/// Keccak-256 as Ethereum uses it: the original Keccak padding (0x01), not NIST SHA3-256 (0x06).
public enum Keccak256 {
    /// The length of a digest in bytes.
    public static let digestByteCount = 32

    /// Hash of the empty string, `c5d2…a470` (the code hash of an account without code).
    public static let emptyHash: [UInt8] = hash([])

    /// The sponge's rate: the bytes absorbed per permutation (1600 − 2·256 bits).
    private static let rateByteCount = 136

    /// The 32-byte Keccak-256 digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBytes { hash($0) }
    }

    /// The 32-byte Keccak-256 digest of the bytes in `buffer`.
    public static func hash(_ buffer: UnsafeRawBufferPointer) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: digestByteCount) { digest, initializedCount in
            hash(buffer, into: UnsafeMutableRawBufferPointer(digest))
            initializedCount = digestByteCount
        }
    }

    /// Writes the Keccak-256 digest of the bytes in `buffer` to the first 32 bytes of `output`, without allocating.
    ///
    /// - Precondition: `output` holds at least ``digestByteCount`` bytes; it may overlap `buffer`.
    public static func hash(_ buffer: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) {
        precondition(output.count >= digestByteCount, "Keccak256.hash(_:into:) needs a 32-byte output buffer")
        var state = KeccakF1600()
        var offset = 0
        if let base = buffer.baseAddress {
            while buffer.count - offset >= rateByteCount {
                state.absorbBlock(at: base + offset)
                state.permute()
                offset += rateByteCount
            }
        }
        withUnsafeTemporaryAllocation(byteCount: rateByteCount, alignment: 8) { lastBlock in
            lastBlock.initializeMemory(as: UInt8.self, repeating: 0)
            let tailCount = buffer.count - offset
            if let base = buffer.baseAddress, tailCount > 0 {
                lastBlock.baseAddress!.copyMemory(from: base + offset, byteCount: tailCount)
            }
            lastBlock[tailCount] = 0x01
            lastBlock[rateByteCount - 1] |= 0x80
            state.absorbBlock(at: UnsafeRawPointer(lastBlock.baseAddress!))
        }
        state.permute()
        output.storeBytes(of: state.a00.littleEndian, toByteOffset: 0, as: UInt64.self)
        output.storeBytes(of: state.a10.littleEndian, toByteOffset: 8, as: UInt64.self)
        output.storeBytes(of: state.a20.littleEndian, toByteOffset: 16, as: UInt64.self)
        output.storeBytes(of: state.a30.littleEndian, toByteOffset: 24, as: UInt64.self)
    }
}

extension KeccakF1600 {
    /// XORs one 136-byte block (Keccak-256's rate: the first 17 lanes) into the state; `block` need not be aligned.
    fileprivate mutating func absorbBlock(at block: UnsafeRawPointer) {
        func lane(_ index: Int) -> UInt64 {
            UInt64(littleEndian: block.loadUnaligned(fromByteOffset: 8 * index, as: UInt64.self))
        }
        a00 ^= lane(0); a10 ^= lane(1); a20 ^= lane(2); a30 ^= lane(3); a40 ^= lane(4)
        a01 ^= lane(5); a11 ^= lane(6); a21 ^= lane(7); a31 ^= lane(8); a41 ^= lane(9)
        a02 ^= lane(10); a12 ^= lane(11); a22 ^= lane(12); a32 ^= lane(13); a42 ^= lane(14)
        a03 ^= lane(15); a13 ^= lane(16)
    }
}
