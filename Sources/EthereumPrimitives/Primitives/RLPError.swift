/// Why a byte string is not canonical RLP. Offsets count bytes from the start of the decoded input.
public enum RLPError: Error, Equatable, CustomStringConvertible {
    /// The input is empty.
    case emptyInput
    /// An item at `offset` claims more bytes than the input (or its enclosing list) holds.
    case truncated(offset: Int)
    /// The input continues after the first complete item.
    case trailingBytes(offset: Int)
    /// A single byte below 0x80 was encoded as a one-byte string instead of as itself.
    case nonCanonicalSingleByte(offset: Int)
    /// A length below 56 was written in the long form.
    case nonCanonicalLength(offset: Int)
    /// A long-form length starts with a zero byte.
    case leadingZeroInLength(offset: Int)
    /// A long-form length does not fit in memory addressing.
    case lengthOverflow(offset: Int)

    public var description: String {
        switch self {
        case .emptyInput:
            "RLP input is empty; expected at least one encoded item"
        case .truncated(let offset):
            "RLP item at byte \(offset) is longer than the data that holds it; the input is truncated or corrupt"
        case .trailingBytes(let offset):
            "RLP input has extra bytes after its item, from byte \(offset); pass exactly one encoded item"
        case .nonCanonicalSingleByte(let offset):
            "RLP at byte \(offset) encodes a single byte below 0x80 as a string; canonical RLP writes such a byte as itself"
        case .nonCanonicalLength(let offset):
            "RLP at byte \(offset) uses the long length form for fewer than 56 bytes; canonical RLP uses the short form"
        case .leadingZeroInLength(let offset):
            "RLP at byte \(offset) has a length with a leading zero byte; canonical RLP writes lengths minimally"
        case .lengthOverflow(let offset):
            "RLP at byte \(offset) declares a length too large to address; the input is corrupt"
        }
    }
}
