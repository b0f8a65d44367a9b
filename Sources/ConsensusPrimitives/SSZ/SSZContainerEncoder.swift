import EthereumPrimitives
/// Builds the SSZ encoding of a container: fixed-size fields and 4-byte offsets in declaration order, followed by
/// the contents of the variable-size fields.
struct SSZContainerEncoder {
    /// The fixed part; append fixed-size fields here (with the `appendSSZ` helpers or `encodeSSZ(into:)`).
    var fixedPart: [UInt8] = []
    private var variablePart: [UInt8] = []
    private var offsetSlots: [(position: Int, variableOffset: Int)] = []

    /// Appends the offset of a variable-size field and queues its encoding.
    mutating func appendVariable(_ encoded: [UInt8]) {
        offsetSlots.append((fixedPart.count, variablePart.count))
        fixedPart.append(contentsOf: repeatElement(0, count: SSZ.bytesPerOffset))
        variablePart.append(contentsOf: encoded)
    }

    /// The complete encoding, with every offset pointing into the variable part.
    func finish() -> [UInt8] {
        var bytes = fixedPart
        for slot in offsetSlots {
            let offset = UInt32(fixedPart.count + slot.variableOffset)
            withUnsafeBytes(of: offset.littleEndian) {
                bytes.replaceSubrange(slot.position..<slot.position + SSZ.bytesPerOffset, with: $0)
            }
        }
        bytes.append(contentsOf: variablePart)
        return bytes
    }
}

extension Array where Element == UInt8 {
    /// Appends a little-endian `uint64`.
    mutating func appendSSZ(_ value: UInt64) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    /// Appends a `boolean` byte.
    mutating func appendSSZ(_ value: Bool) {
        append(value ? 1 : 0)
    }

    /// Appends a little-endian `uint256`.
    mutating func appendSSZ(_ value: UInt256) {
        append(contentsOf: value.bigEndianBytes.reversed())
    }

    /// Appends a `ByteVector[count]`; a value of another length is a programming error.
    mutating func appendSSZ(byteVector bytes: [UInt8], count: Int, path: @autoclosure () -> String) {
        precondition(bytes.count == count, "SSZ \(path()): expected \(count) bytes, got \(bytes.count)")
        append(contentsOf: bytes)
    }

    /// Appends `Vector[uint64, count]` or list contents (little-endian values laid end to end).
    mutating func appendSSZ(_ values: [UInt64]) {
        append(contentsOf: SSZ.packed(values))
    }

    /// Appends `Vector[Bytes32, N]` or `List[Bytes32, N]` contents; each root must be 32 bytes.
    mutating func appendSSZ(roots: [[UInt8]], path: @autoclosure () -> String) {
        reserveCapacity(count + roots.count * SSZ.bytesPerChunk)
        for root in roots { appendSSZ(byteVector: root, count: SSZ.bytesPerChunk, path: path()) }
    }
}
