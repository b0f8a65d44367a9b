/// Hexadecimal encoding and decoding of byte strings.
///
/// Ethereum JSON uses `0x`-prefixed hex for bytes; some tools (geth dumps, Kurtosis outputs) omit the prefix.
/// Decoding accepts both; encoding always writes the `0x` form in lowercase.
public enum Hex {
    /// Why a string is not valid hex.
    public enum DecodingError: Error, Equatable, CustomStringConvertible {
        case oddLength(String)
        case invalidCharacter(String)

        public var description: String {
            switch self {
            case .oddLength(let text): "hex string has an odd number of digits: \(Hex.abbreviate(text))"
            case .invalidCharacter(let text): "not a hex string: \(Hex.abbreviate(text))"
            }
        }
    }

    /// Decodes `0x`-prefixed or bare hex into bytes. An odd number of digits is an error.
    public static func decode(_ text: some StringProtocol) throws(DecodingError) -> [UInt8] {
        let digits = stripPrefix(text).utf8
        guard digits.count % 2 == 0 else { throw .oddLength(String(text)) }
        let decoded = digits.withContiguousStorageIfAvailable { decode(digits: $0) }
            ?? Array(digits).withUnsafeBufferPointer { decode(digits: $0) }
        guard let decoded else { throw .invalidCharacter(String(text)) }
        return decoded
    }

    /// Decodes an even number of hex digits (no prefix); `nil` for an odd count or a character that is not hex.
    public static func decode(digits: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard digits.count % 2 == 0 else { return nil }
        var invalid: UInt8 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: digits.count / 2) { buffer, count in
            for position in 0..<buffer.count {
                let high = value(digits[2 &* position]), low = value(digits[2 &* position &+ 1])
                invalid |= (high | low) & 0xf0
                buffer[position] = high << 4 | (low & 0x0f)
            }
            count = buffer.count
        }
        return invalid == 0 ? bytes : nil
    }

    /// Decodes hex that may have an odd number of digits (a quantity-like value), left-padding with a zero nibble.
    public static func decodeAllowingOddLength(_ text: some StringProtocol) throws(DecodingError) -> [UInt8] {
        let body = stripPrefix(text)
        return try decode(body.utf8.count % 2 == 1 ? "0" + body : String(body))
    }

    /// Encodes bytes as lowercase hex with a `0x` prefix.
    public static func encode(_ bytes: some Sequence<UInt8>, prefixed: Bool = true) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(2 + bytes.underestimatedCount * 2)
        if prefixed { out.append(contentsOf: [0x30, 0x78]) }
        if bytes.withContiguousStorageIfAvailable({ append($0, to: &out) }) == nil { append(Array(bytes), to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the lowercase hex digits of `bytes` (no prefix) to `out`.
    public static func append(_ bytes: [UInt8], to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0, to: &out) }
    }

    /// Appends the lowercase hex digits of `bytes` (no prefix) to `out`.
    public static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: 2 * bytes.count))
        out.withUnsafeMutableBufferPointer { target in
            for index in 0..<bytes.count {
                let byte = bytes[index]
                target[start &+ 2 &* index] = digit(byte >> 4)
                target[start &+ 2 &* index &+ 1] = digit(byte & 0x0f)
            }
        }
    }

    /// The lowercase hex digit of a value below 16.
    @inline(__always)
    public static func digit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 &+ value : 0x57 &+ value
    }

    /// The text without a leading `0x` or `0X`.
    public static func stripPrefix(_ text: some StringProtocol) -> Substring {
        let sub = Substring(text)
        if sub.hasPrefix("0x") || sub.hasPrefix("0X") { return sub.dropFirst(2) }
        return sub
    }

    /// The value of one hex digit (either case), `nil` for any other byte.
    @inline(__always)
    public static func nibble(_ char: UInt8) -> UInt8? {
        let result = value(char)
        return result < 0x10 ? result : nil
    }

    /// The value of one hex digit (either case), 0xff for any other byte: branch-light, no table.
    @inline(__always)
    static func value(_ char: UInt8) -> UInt8 {
        let digit = char &- 0x30
        if digit < 10 { return digit }
        let letter = (char | 0x20) &- 0x61
        return letter < 6 ? letter &+ 10 : 0xff
    }

    static func abbreviate(_ text: String) -> String {
        text.count > 80 ? String(text.prefix(77)) + "..." : text
    }
}

extension Array where Element == UInt8 {
    /// Decodes `0x`-prefixed or bare hex.
    public init(hex: some StringProtocol) throws(Hex.DecodingError) {
        self = try Hex.decode(hex)
    }

    /// The bytes as lowercase `0x` hex.
    public var hexString: String { Hex.encode(self) }
}
