import EthereumPrimitives
/// `hash_tree_root` of basic values and of homogeneous sequences.
///
/// Basic values and vectors/lists of basic values are packed into chunks; sequences of composite values (or of
/// `Bytes32`) are merkleized from their element roots. Lists mix in their length and are padded to their limit.
extension SSZ {
    /// Number of chunks that `byteCount` packed bytes occupy.
    public static func chunkCount(byteCount: Int) -> Int {
        (byteCount + bytesPerChunk - 1) / bytesPerChunk
    }

    /// Root of a `uint64`.
    public static func hashTreeRoot(uint64 value: UInt64) -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: bytesPerChunk)
        withUnsafeBytes(of: value.littleEndian) { chunk.replaceSubrange(0..<8, with: $0) }
        return chunk
    }

    /// Root of a `uint256`.
    public static func hashTreeRoot(uint256 value: UInt256) -> [UInt8] {
        value.bigEndianBytes.reversed()
    }

    /// Root of a `boolean`.
    public static func hashTreeRoot(bool value: Bool) -> [UInt8] {
        hashTreeRoot(uint64: value ? 1 : 0)
    }

    /// Root of a `ByteVector[N]` (`Bytes32`, `BLSPubkey`, …) where N = `bytes.count`.
    public static func hashTreeRoot(byteVector bytes: [UInt8]) -> [UInt8] {
        merkleize(chunks: paddedToChunks(bytes))
    }

    /// Root of a `ByteList[limit]` (equally a `List[uint8, limit]`).
    public static func hashTreeRoot(byteList bytes: [UInt8], limit: Int) -> [UInt8] {
        precondition(bytes.count <= limit, "SSZ: \(bytes.count) bytes exceed the ByteList limit of \(limit)")
        let root = merkleize(chunks: paddedToChunks(bytes), limit: chunkCount(byteCount: limit))
        return mixInLength(root, length: bytes.count)
    }

    /// Root of a `Vector[uint64, N]` where N = `values.count`.
    public static func hashTreeRoot(uint64Vector values: [UInt64]) -> [UInt8] {
        merkleize(chunks: paddedToChunks(packed(values)), limit: chunkCount(byteCount: 8 * values.count))
    }

    /// Root of a `List[uint64, limit]`.
    public static func hashTreeRoot(uint64List values: [UInt64], limit: Int) -> [UInt8] {
        precondition(values.count <= limit, "SSZ: \(values.count) uint64 values exceed the list limit of \(limit)")
        let root = merkleize(chunks: paddedToChunks(packed(values)), limit: chunkCount(byteCount: 8 * limit))
        return mixInLength(root, length: values.count)
    }

    /// Root of a `Vector[T, N]` of `Bytes32` or of composite `T`, given the N element roots.
    public static func hashTreeRoot(vectorOfRoots roots: [[UInt8]]) -> [UInt8] {
        merkleize(chunks: concatenatedChunks(roots))
    }

    /// Root of a `List[T, limit]` of `Bytes32` or of composite `T`, given the element roots.
    public static func hashTreeRoot(listOfRoots roots: [[UInt8]], limit: Int) -> [UInt8] {
        precondition(roots.count <= limit, "SSZ: \(roots.count) elements exceed the list limit of \(limit)")
        return mixInLength(merkleize(chunks: concatenatedChunks(roots), limit: limit), length: roots.count)
    }

    /// `bytes` right-padded with zeros to a whole number of chunks.
    static func paddedToChunks(_ bytes: [UInt8]) -> [UInt8] {
        let remainder = bytes.count % bytesPerChunk
        guard remainder != 0 else { return bytes }
        return bytes + [UInt8](repeating: 0, count: bytesPerChunk - remainder)
    }

    /// Little-endian `uint64` values laid end to end.
    static func packed(_ values: [UInt64]) -> [UInt8] {
        values.map(\.littleEndian).withUnsafeBytes { Array($0) }
    }

    private static func concatenatedChunks(_ roots: [[UInt8]]) -> [UInt8] {
        var chunks = [UInt8]()
        chunks.reserveCapacity(roots.count * bytesPerChunk)
        for root in roots {
            precondition(root.count == bytesPerChunk, "SSZ: an element root must be 32 bytes, got \(root.count)")
            chunks.append(contentsOf: root)
        }
        return chunks
    }
}
