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

    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Decodes `0x`-prefixed or bare hex into bytes. An odd number of digits is an error.
    public static func decode(_ text: some StringProtocol) throws(DecodingError) -> [UInt8] {
        let utf8 = Array(stripPrefix(text).utf8)
        guard utf8.count % 2 == 0 else { throw .oddLength(String(text)) }
        var bytes = [UInt8](repeating: 0, count: utf8.count / 2)
        for index in 0..<bytes.count {
            guard let high = nibble(utf8[2 * index]), let low = nibble(utf8[2 * index + 1]) else {
                throw .invalidCharacter(String(text))
            }
            bytes[index] = high << 4 | low
        }
        return bytes
    }

    /// Decodes hex that may have an odd number of digits (a quantity-like value), left-padding with a zero nibble.
    public static func decodeAllowingOddLength(_ text: some StringProtocol) throws(DecodingError) -> [UInt8] {
        let body = stripPrefix(text)
        return try decode(body.utf8.count % 2 == 1 ? "0" + body : String(body))
    }

    /// Encodes bytes as lowercase hex with a `0x` prefix.
    public static func encode(_ bytes: some Sequence<UInt8>, prefixed: Bool = true) -> String {
        var out: [UInt8] = prefixed ? [0x30, 0x78] : []
        out.reserveCapacity(out.count + bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The text without a leading `0x` or `0X`.
    public static func stripPrefix(_ text: some StringProtocol) -> Substring {
        let sub = Substring(text)
        if sub.hasPrefix("0x") || sub.hasPrefix("0X") { return sub.dropFirst(2) }
        return sub
    }

    /// The value of one hex digit (either case), `nil` for any other byte.
    public static func nibble(_ char: UInt8) -> UInt8? {
        switch char {
        case 0x30...0x39: char - 0x30
        case 0x61...0x66: char - 0x61 + 10
        case 0x41...0x46: char - 0x41 + 10
        default: nil
        }
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
