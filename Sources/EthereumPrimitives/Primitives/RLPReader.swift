/// A cursor that decodes canonical RLP items from a byte array.
struct RLPReader {
    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Reads one item that must end at or before `end`.
    mutating func readItem(end: Int) throws(RLPError) -> RLPItem {
        let start = position
        guard start < end else { throw .truncated(offset: start) }
        let prefix = bytes[start]
        switch prefix {
        case 0x00..<0x80:
            position += 1
            return .bytes([prefix])
        case 0x80..<0xc0:
            let count = try readLength(prefix: prefix, shortBase: 0x80, end: end)
            let payload = Array(bytes[position..<position + count])
            if count == 1 && payload[0] < 0x80 { throw .nonCanonicalSingleByte(offset: start) }
            position += count
            return .bytes(payload)
        default:
            let count = try readLength(prefix: prefix, shortBase: 0xc0, end: end)
            let listEnd = position + count
            var items = [RLPItem]()
            while position < listEnd { items.append(try readItem(end: listEnd)) }
            return .list(items)
        }
    }

    /// Reads the payload length after `prefix` (already at `position`), leaving `position` at the payload, and checks
    /// that the payload fits before `end`.
    private mutating func readLength(prefix: UInt8, shortBase: UInt8, end: Int) throws(RLPError) -> Int {
        let start = position
        let short = Int(prefix - shortBase)
        var count: Int
        if short < 56 {
            count = short
            position += 1
        } else {
            let lengthCount = short - 55
            guard end - (start + 1) >= lengthCount else { throw .truncated(offset: start) }
            guard bytes[start + 1] != 0 else { throw .leadingZeroInLength(offset: start) }
            var value: UInt64 = 0
            for index in 0..<lengthCount { value = value << 8 | UInt64(bytes[start + 1 + index]) }
            guard value <= UInt64(Int.max) else { throw .lengthOverflow(offset: start) }
            count = Int(value)
            guard count >= 56 else { throw .nonCanonicalLength(offset: start) }
            position = start + 1 + lengthCount
        }
        guard end - position >= count else { throw .truncated(offset: start) }
        return count
    }
}
