/// Values of a `FlatJSONObject` decoded straight from the input bytes, with the results of the `String`-based
/// decoders (`Hex.decode`, `Quantity`, `GenesisAlloc.storageWord`, `Address(hex:)`) — and `nil` wherever those
/// would fail, so the caller falls back to them for the error.
enum PlainValueDecoding {
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// `Hex.decode`: hex with or without `0x`, an even number of digits.
    static func bytes(_ text: Bytes) -> [UInt8]? {
        Hex.decode(digits: UnsafeBufferPointer(rebasing: stripPrefix(text)))
    }

    /// 32 bytes of hex, as the dump's hashes.
    static func hash(_ text: Bytes) -> [UInt8]? {
        guard let bytes = bytes(text), bytes.count == 32 else { return nil }
        return bytes
    }

    /// `Address(hex:)`: 40 hex digits with or without `0x`.
    static func address(_ text: Bytes) -> Address? {
        guard stripPrefix(text).count == 40, let bytes = bytes(text) else { return nil }
        return Address(bytes: bytes)
    }

    /// `GenesisAlloc.storageWord`: hex with or without `0x`, at most 64 digits after leading zeros; empty is zero.
    static func word(_ text: Bytes) -> UInt256? {
        UInt256.hexDigits(UnsafeBufferPointer(rebasing: stripPrefix(text)))
    }

    /// `Quantity.uint256`: a JSON number (decimal) or a string (`0x` hex, else decimal; empty is zero).
    static func quantity(_ text: Bytes, isNumber: Bool) -> UInt256? {
        if !isNumber, stripPrefix(text).count != text.count {
            let digits = stripPrefix(text)
            return digits.isEmpty ? .zero : word(digits)
        }
        if !isNumber, text.isEmpty { return .zero }
        return UInt256.decimal(UnsafeBufferPointer(rebasing: text))
    }

    /// Whether a member name is `name`.
    static func isName(_ text: Bytes, _ name: StaticString) -> Bool {
        guard text.count == name.utf8CodeUnitCount else { return false }
        return name.withUTF8Buffer { text.elementsEqual($0) }
    }

    private static func stripPrefix(_ text: Bytes) -> Bytes {
        guard text.count >= 2, text[text.startIndex] == UInt8(ascii: "0"),
              text[text.startIndex + 1] == UInt8(ascii: "x") || text[text.startIndex + 1] == UInt8(ascii: "X") else { return text }
        return text.dropFirst(2)
    }
}
