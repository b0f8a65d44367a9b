/// Values of a `FlatJSONObject` decoded straight from the input bytes, with the results of the `String`-based
/// decoders (`Hex.decode`, `Quantity`, `GenesisAlloc.storageWord`, `Address(hex:)`) — and `nil` wherever those
/// would fail, so the caller falls back to them for the error.
enum PlainValueDecoding {
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// `Hex.decode`: hex with or without `0x`, an even number of digits.
    static func bytes(_ text: Bytes) -> [UInt8]? {
        let digits = stripPrefix(text)
        guard digits.count % 2 == 0 else { return nil }
        var result = [UInt8](repeating: 0, count: digits.count / 2)
        var index = digits.startIndex
        for position in 0..<result.count {
            guard let high = Hex.nibble(digits[index]), let low = Hex.nibble(digits[index + 1]) else { return nil }
            result[position] = high << 4 | low
            index += 2
        }
        return result
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
        let digits = stripPrefix(text).drop { $0 == UInt8(ascii: "0") }
        guard digits.count <= 64 else { return nil }
        var big = [UInt8](repeating: 0, count: 32)
        var position = 63
        for char in digits.reversed() {
            guard let nibble = Hex.nibble(char) else { return nil }
            big[position / 2] |= position % 2 == 1 ? nibble : nibble << 4
            position -= 1
        }
        return UInt256(bigEndian: big)
    }

    /// `Quantity.uint256`: a JSON number (decimal) or a string (`0x` hex, else decimal; empty is zero).
    static func quantity(_ text: Bytes, isNumber: Bool) -> UInt256? {
        if !isNumber, stripPrefix(text).count != text.count {
            let digits = stripPrefix(text)
            return digits.isEmpty ? .zero : word(digits)
        }
        if !isNumber, text.isEmpty { return .zero }
        guard text.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return UInt256(decimal: String(decoding: text, as: UTF8.self))
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
