/// Integers as Ethereum JSON writes them: JSON numbers, decimal strings (`"1000"`) or `0x` hex strings (`"0x3e8"`).
///
/// The text rules follow go-ethereum's `HexOrDecimal` types: a `0x`/`0X` prefix means hex (any number of digits,
/// odd counts included), anything else is decimal, and the empty string is zero. `"0x"` alone is also read as zero,
/// as ethereum/tests writes it. Signs, fractions and exponents are rejected.
public enum Quantity {
    /// Why a JSON value is not an unsigned integer of the expected width; names the field it came from.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public enum Reason: Equatable, Sendable {
            /// The text is neither decimal digits nor `0x` hex digits.
            case notANumber
            /// The value needs more bits than the field holds.
            case tooLarge(bits: Int)
            /// The value is an object, array, boolean or null.
            case wrongType(String)
        }

        /// Where the value sits, e.g. `alloc 0x00…01 balance`.
        public let field: String
        /// The offending text (or JSON kind).
        public let text: String
        public let reason: Reason

        public init(field: String, text: String, reason: Reason) {
            self.field = field
            self.text = text
            self.reason = reason
        }

        public var description: String {
            let shown = Hex.abbreviate(text)
            return switch reason {
            case .notANumber: "\(field): \"\(shown)\" is not a number (write decimal digits or 0x hex)"
            case .tooLarge(let bits): "\(field): \(shown) does not fit in \(bits) bits"
            case .wrongType(let kind): "\(field): expected a number or a numeric string, found \(kind)"
            }
        }
    }

    /// A 64-bit quantity from a JSON number or numeric string.
    public static func uint64(_ value: JSONValue, field: String) throws(ParseError) -> UInt64 {
        let wide = try uint256(value, field: field, bits: 64)
        return wide.uint64Value!
    }

    /// A 256-bit quantity from a JSON number or numeric string.
    public static func uint256(_ value: JSONValue, field: String) throws(ParseError) -> UInt256 {
        try uint256(value, field: field, bits: 256)
    }

    /// A 64-bit quantity from text; `nil` if it is not one.
    public static func uint64(text: some StringProtocol) -> UInt64? {
        uint256(text: text)?.uint64Value
    }

    /// A 256-bit quantity from text (hex with `0x`, otherwise decimal); `nil` if it is not one.
    public static func uint256(text: some StringProtocol) -> UInt256? {
        let body = Hex.stripPrefix(text)
        if body.count != text.count { return body.isEmpty ? .zero : UInt256(hex: body) }
        return text.isEmpty ? .zero : UInt256(decimal: text)
    }

    private static func uint256(_ value: JSONValue, field: String, bits: Int) throws(ParseError) -> UInt256 {
        let parsed: UInt256?
        let text: String
        switch value {
        case .number(let digits):
            // A JSON number is decimal; "-1", "1.5" and "1e3" are not quantities.
            text = digits
            parsed = UInt256(decimal: digits)
        case .string(let string):
            text = string
            parsed = uint256(text: string)
        case .null: throw ParseError(field: field, text: "null", reason: .wrongType("null"))
        case .bool(let flag): throw ParseError(field: field, text: String(flag), reason: .wrongType("a boolean"))
        case .array: throw ParseError(field: field, text: "[…]", reason: .wrongType("an array"))
        case .object: throw ParseError(field: field, text: "{…}", reason: .wrongType("an object"))
        }
        guard let parsed else {
            throw ParseError(field: field, text: text, reason: isTooLarge(text) ? .tooLarge(bits: bits) : .notANumber)
        }
        if bits == 64, parsed.uint64Value == nil { throw ParseError(field: field, text: text, reason: .tooLarge(bits: bits)) }
        return parsed
    }

    /// Whether `text` is made of valid digits and failed only for its size.
    private static func isTooLarge(_ text: String) -> Bool {
        let body = Hex.stripPrefix(text)
        if body.count != text.count { return body.utf8.allSatisfy { Hex.nibble($0) != nil } }
        return !text.isEmpty && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
