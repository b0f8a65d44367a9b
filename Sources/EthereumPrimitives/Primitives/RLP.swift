/// Recursive Length Prefix, the serialisation of Ethereum's tries, accounts, headers and transactions.
///
/// Encoding is always canonical; decoding accepts only canonical input (minimal lengths, single bytes below 0x80 as
/// themselves) and exactly one item.
public enum RLP {
    /// Offset of a string header, `0x80 + length` for short strings.
    static let stringOffset: UInt8 = 0x80
    /// Offset of a list header, `0xc0 + length` for short lists.
    static let listOffset: UInt8 = 0xc0

    /// The encoding of `item`.
    public static func encode(_ item: RLPItem) -> [UInt8] {
        var out = [UInt8]()
        append(item, to: &out)
        return out
    }

    /// The encoding of a byte string.
    public static func encode(bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(encodedCount(ofBytes: bytes))
        appendString(bytes, to: &out)
        return out
    }

    /// The encoding of an integer as its minimal big-endian bytes; zero is the empty string `0x80`.
    public static func encode(_ value: UInt64) -> [UInt8] {
        var out = [UInt8]()
        appendInteger(value, to: &out)
        return out
    }

    /// The encoding of a 256-bit integer as its minimal big-endian bytes; zero is the empty string `0x80`.
    public static func encode(_ value: UInt256) -> [UInt8] {
        encode(bytes: value.trimmedBytes)
    }

    /// A list whose items are given already encoded: the list header followed by the items as they are.
    public static func encodeList(_ encodedItems: [[UInt8]]) -> [UInt8] {
        let payloadCount = encodedItems.reduce(0) { $0 + $1.count }
        var out = [UInt8]()
        out.reserveCapacity(headerCount(payloadCount: payloadCount) + payloadCount)
        appendHeader(payloadCount: payloadCount, offset: listOffset, to: &out)
        for item in encodedItems { out.append(contentsOf: item) }
        return out
    }

    /// Decodes exactly one canonical item that spans the whole input.
    public static func decode(_ bytes: [UInt8]) throws(RLPError) -> RLPItem {
        guard !bytes.isEmpty else { throw .emptyInput }
        var reader = RLPReader(bytes: bytes)
        let item = try reader.readItem(end: bytes.count)
        guard reader.position == bytes.count else { throw .trailingBytes(offset: reader.position) }
        return item
    }

    // MARK: Building blocks shared with the trie encoder

    /// How many bytes the header of a payload of `payloadCount` bytes takes.
    static func headerCount(payloadCount: Int) -> Int {
        payloadCount < 56 ? 1 : 1 + minimalByteCount(UInt64(payloadCount))
    }

    /// How many bytes the encoding of the byte string `bytes` takes.
    static func encodedCount(ofBytes bytes: [UInt8]) -> Int {
        if bytes.count == 1 && bytes[0] < stringOffset { return 1 }
        return headerCount(payloadCount: bytes.count) + bytes.count
    }

    /// Appends the header of a string (`offset` 0x80) or list (`offset` 0xc0) whose payload is `payloadCount` bytes.
    static func appendHeader(payloadCount: Int, offset: UInt8, to out: inout [UInt8]) {
        if payloadCount < 56 {
            out.append(offset + UInt8(payloadCount))
        } else {
            let lengthCount = minimalByteCount(UInt64(payloadCount))
            out.append(offset + 55 + UInt8(lengthCount))
            appendBigEndian(UInt64(payloadCount), byteCount: lengthCount, to: &out)
        }
    }

    /// Appends the encoding of a byte string.
    static func appendString(_ bytes: [UInt8], to out: inout [UInt8]) {
        if bytes.count == 1 && bytes[0] < stringOffset {
            out.append(bytes[0])
        } else {
            appendHeader(payloadCount: bytes.count, offset: stringOffset, to: &out)
            out.append(contentsOf: bytes)
        }
    }

    /// Appends the encoding of an integer (minimal big-endian bytes).
    static func appendInteger(_ value: UInt64, to out: inout [UInt8]) {
        if value != 0 && value < UInt64(stringOffset) {
            out.append(UInt8(value))
        } else {
            let count = minimalByteCount(value)
            out.append(stringOffset + UInt8(count))
            appendBigEndian(value, byteCount: count, to: &out)
        }
    }

    private static func append(_ item: RLPItem, to out: inout [UInt8]) {
        switch item {
        case .bytes(let bytes):
            appendString(bytes, to: &out)
        case .list(let items):
            var payload = [UInt8]()
            for child in items { append(child, to: &payload) }
            appendHeader(payloadCount: payload.count, offset: listOffset, to: &out)
            out.append(contentsOf: payload)
        }
    }

    private static func minimalByteCount(_ value: UInt64) -> Int {
        (64 - value.leadingZeroBitCount + 7) / 8
    }

    private static func appendBigEndian(_ value: UInt64, byteCount: Int, to out: inout [UInt8]) {
        for index in stride(from: byteCount - 1, through: 0, by: -1) {
            out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index))))
        }
    }
}
