import Crypto
import EthereumPrimitives

/// Simple Serialize (SSZ) merkleization, as defined in consensus-specs `ssz/simple-serialize.md`.
///
/// Chunks are 32 bytes; internal nodes are SHA-256 of two concatenated children. Functions taking `chunks` expect the
/// chunks laid end to end in one byte array (a multiple of 32 bytes), which lets merkleization hash pairs in place.
public enum SSZ {
    /// Bytes in one Merkle chunk.
    public static let bytesPerChunk = 32

    /// Bytes in one variable-size offset.
    public static let bytesPerOffset = 4

    /// `zeroHashes[d]` is the root of a depth-`d` tree of zero chunks (`zeroHashes[0]` is the zero chunk), d ≤ 64.
    public static let zeroHashes: [[UInt8]] = {
        var hashes = [[UInt8](repeating: 0, count: bytesPerChunk)]
        for depth in 1...64 { hashes.append(hashPair(hashes[depth - 1], hashes[depth - 1])) }
        return hashes
    }()

    /// SHA-256 of `left ‖ right` (each a 32-byte chunk).
    public static func hashPair(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] {
        precondition(
            left.count == bytesPerChunk && right.count == bytesPerChunk, "SSZ.hashPair takes two 32-byte chunks")
        var hasher = SHA256()
        hasher.update(data: left)
        hasher.update(data: right)
        return Array(hasher.finalize())
    }

    /// `mix_in_length`: the root of a list, from the root of its contents and its element count.
    public static func mixInLength(_ root: [UInt8], length: Int) -> [UInt8] {
        var lengthChunk = [UInt8](repeating: 0, count: bytesPerChunk)
        withUnsafeBytes(of: UInt64(length).littleEndian) { lengthChunk.replaceSubrange(0..<8, with: $0) }
        return hashPair(root, lengthChunk)
    }

    /// Depth of the smallest binary tree with at least `leafCount` leaves (0 for one leaf or none).
    public static func treeDepth(leafCount: Int) -> Int {
        leafCount <= 1 ? 0 : Int.bitWidth - (leafCount - 1).leadingZeroBitCount
    }

    /// `merkleize(chunks, limit)`: the root of `chunks` padded with zero chunks up to the next power of two of `limit`
    /// (of the chunk count when `limit` is nil). Padding subtrees come from ``zeroHashes``, so a large limit costs
    /// only one hash per tree level.
    public static func merkleize(chunks: [UInt8], limit: Int? = nil) -> [UInt8] {
        precondition(chunks.count % bytesPerChunk == 0, "SSZ.merkleize: chunk bytes must be a multiple of 32")
        let count = chunks.count / bytesPerChunk
        let leafLimit = limit ?? count
        precondition(count <= leafLimit, "SSZ.merkleize: \(count) chunks exceed the limit of \(leafLimit)")
        let depth = treeDepth(leafCount: leafLimit)
        guard count > 0 else { return zeroHashes[depth] }
        var layer = chunks
        var width = count
        layer.withUnsafeMutableBytes { layerBytes in
            withUnsafeTemporaryAllocation(byteCount: 2 * bytesPerChunk, alignment: 1) { lastPair in
                let base = layerBytes.baseAddress!
                for level in 0..<depth {
                    let pairs = width / 2
                    for index in 0..<pairs {
                        hashPair(at: base + 2 * bytesPerChunk * index, into: base + bytesPerChunk * index)
                    }
                    if width % 2 == 1 {
                        let pairBase = lastPair.baseAddress!
                        pairBase.copyMemory(from: base + bytesPerChunk * (width - 1), byteCount: bytesPerChunk)
                        zeroHashes[level].withUnsafeBytes {
                            (pairBase + bytesPerChunk).copyMemory(from: $0.baseAddress!, byteCount: bytesPerChunk)
                        }
                        hashPair(at: UnsafeRawPointer(pairBase), into: base + bytesPerChunk * pairs)
                    }
                    width = pairs + width % 2
                }
            }
        }
        return Array(layer[0..<bytesPerChunk])
    }

    /// Hashes the 64 bytes at `source` and writes the 32-byte digest at `destination` (which may overlap `source`).
    @inline(__always)
    private static func hashPair(at source: UnsafeRawPointer, into destination: UnsafeMutableRawPointer) {
        var hasher = SHA256()
        hasher.update(bufferPointer: UnsafeRawBufferPointer(start: source, count: 2 * bytesPerChunk))
        hasher.finalize().withUnsafeBytes { destination.copyMemory(from: $0.baseAddress!, byteCount: bytesPerChunk) }
    }
}
