import EthereumPrimitives
/// Collects the roots of a container's fields in declaration order and merkleizes them.
struct SSZContainerHasher {
    private var chunks: [UInt8]

    init(fieldCount: Int) {
        chunks = []
        chunks.reserveCapacity(fieldCount * SSZ.bytesPerChunk)
    }

    /// Appends a field root (32 bytes).
    mutating func append(root: [UInt8]) {
        precondition(root.count == SSZ.bytesPerChunk, "SSZ: a field root must be 32 bytes, got \(root.count)")
        chunks.append(contentsOf: root)
    }

    /// Appends a `uint64` field.
    mutating func append(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { chunks.append(contentsOf: $0) }
        chunks.append(contentsOf: repeatElement(0, count: SSZ.bytesPerChunk - 8))
    }

    /// Appends a `boolean` field.
    mutating func append(_ value: Bool) {
        append(value ? 1 as UInt64 : 0)
    }

    /// Appends a `ByteVector[N]` field of exactly `count` bytes.
    mutating func append(byteVector bytes: [UInt8], count: Int, path: @autoclosure () -> String) {
        precondition(bytes.count == count, "SSZ \(path()): expected \(count) bytes, got \(bytes.count)")
        if count == SSZ.bytesPerChunk {
            chunks.append(contentsOf: bytes)
        } else {
            chunks.append(contentsOf: SSZ.hashTreeRoot(byteVector: bytes))
        }
    }

    /// The container root.
    func root() -> [UInt8] {
        SSZ.merkleize(chunks: chunks)
    }
}
