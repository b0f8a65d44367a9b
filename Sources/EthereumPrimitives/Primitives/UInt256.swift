/// An unsigned 256-bit integer: account balances, storage values, difficulty.
///
/// Stored as four 64-bit limbs, most significant first.
public struct UInt256: Sendable, Hashable, Comparable {
    /// Limbs, most significant first.
    public var limbs: (UInt64, UInt64, UInt64, UInt64)

    public static let zero = UInt256(0)
    public static let max = UInt256(limbs: (.max, .max, .max, .max))

    public init(limbs: (UInt64, UInt64, UInt64, UInt64)) { self.limbs = limbs }

    public init(_ value: UInt64) { limbs = (0, 0, 0, value) }

    /// Interprets up to 32 big-endian bytes (shorter input is left-padded with zeros).
    public init?(bigEndian bytes: some Collection<UInt8>) {
        guard bytes.count <= 32 else { return nil }
        var words: [UInt64] = [0, 0, 0, 0]
        for (index, byte) in bytes.reversed().enumerated() {
            words[3 - index / 8] |= UInt64(byte) << (8 * UInt64(index % 8))
        }
        limbs = (words[0], words[1], words[2], words[3])
    }

    public var isZero: Bool { self == .zero }

    /// 32 big-endian bytes.
    public var bigEndianBytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(32)
        for word in [limbs.0, limbs.1, limbs.2, limbs.3] {
            for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        return out
    }

    /// Big-endian bytes without leading zeros (empty for zero): the RLP and trie form.
    public var trimmedBytes: [UInt8] { Array(bigEndianBytes.drop { $0 == 0 }) }

    /// The value as a `UInt64`, or `nil` when it does not fit.
    public var uint64Value: UInt64? {
        limbs.0 == 0 && limbs.1 == 0 && limbs.2 == 0 ? limbs.3 : nil
    }

    public static func == (lhs: UInt256, rhs: UInt256) -> Bool {
        lhs.limbs.0 == rhs.limbs.0 && lhs.limbs.1 == rhs.limbs.1 && lhs.limbs.2 == rhs.limbs.2 && lhs.limbs.3 == rhs.limbs.3
    }

    public static func < (lhs: UInt256, rhs: UInt256) -> Bool {
        (lhs.limbs.0, lhs.limbs.1, lhs.limbs.2, lhs.limbs.3) < (rhs.limbs.0, rhs.limbs.1, rhs.limbs.2, rhs.limbs.3)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(limbs.0); hasher.combine(limbs.1); hasher.combine(limbs.2); hasher.combine(limbs.3)
    }
}

// MARK: - Arithmetic

extension UInt256 {
    /// Limbs, least significant first: the order carries and borrows run in.
    private var littleEndianWords: [UInt64] { [limbs.3, limbs.2, limbs.1, limbs.0] }

    private init(littleEndianWords words: [UInt64]) {
        limbs = (words[3], words[2], words[1], words[0])
    }

    /// `self + other` modulo 2^256, and whether the true sum did not fit.
    public func addingReportingOverflow(_ other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let left = littleEndianWords, right = other.littleEndianWords
        var sum = [UInt64](repeating: 0, count: 4)
        var carry = false
        for index in 0..<4 {
            let (partial, overflowA) = left[index].addingReportingOverflow(right[index])
            let (total, overflowB) = partial.addingReportingOverflow(carry ? 1 : 0)
            sum[index] = total
            carry = overflowA || overflowB
        }
        return (UInt256(littleEndianWords: sum), carry)
    }

    /// `self - other` modulo 2^256, and whether `other` was larger (the true difference is negative).
    public func subtractingReportingOverflow(_ other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let left = littleEndianWords, right = other.littleEndianWords
        var difference = [UInt64](repeating: 0, count: 4)
        var borrow = false
        for index in 0..<4 {
            let (partial, overflowA) = left[index].subtractingReportingOverflow(right[index])
            let (total, overflowB) = partial.subtractingReportingOverflow(borrow ? 1 : 0)
            difference[index] = total
            borrow = overflowA || overflowB
        }
        return (UInt256(littleEndianWords: difference), borrow)
    }

    /// `self × factor` modulo 2^256, and whether the true product did not fit.
    public func multipliedReportingOverflow(by factor: UInt64) -> (partialValue: UInt256, overflow: Bool) {
        var product = [UInt64](repeating: 0, count: 4)
        var carry: UInt64 = 0
        for (index, word) in littleEndianWords.enumerated() {
            let (high, low) = word.multipliedFullWidth(by: factor)
            let (sum, overflow) = low.addingReportingOverflow(carry)
            product[index] = sum
            carry = high &+ (overflow ? 1 : 0)
        }
        return (UInt256(littleEndianWords: product), carry != 0)
    }

    /// The quotient and remainder of division by a nonzero `divisor`.
    public func quotientAndRemainder(dividingBy divisor: UInt64) -> (quotient: UInt256, remainder: UInt64) {
        precondition(divisor != 0, "division by zero")
        var quotient = [UInt64](repeating: 0, count: 4)
        var remainder: UInt64 = 0
        for (index, word) in [limbs.0, limbs.1, limbs.2, limbs.3].enumerated() {
            (quotient[index], remainder) = divisor.dividingFullWidth((high: remainder, low: word))
        }
        return (UInt256(limbs: (quotient[0], quotient[1], quotient[2], quotient[3])), remainder)
    }
}

// MARK: - Text

extension UInt256: CustomStringConvertible, ExpressibleByIntegerLiteral {
    public init(integerLiteral value: UInt64) { self.init(value) }

    /// Parses base-10 digits (no sign, no prefix); `nil` if empty, not all digits, or 2^256 or more.
    public init?(decimal text: some StringProtocol) {
        guard !text.isEmpty else { return nil }
        var value = UInt256.zero
        for char in text.utf8 {
            guard char >= UInt8(ascii: "0"), char <= UInt8(ascii: "9") else { return nil }
            let (scaled, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = scaled.addingReportingOverflow(UInt256(UInt64(char - UInt8(ascii: "0"))))
            guard !overflowA, !overflowB else { return nil }
            value = sum
        }
        self = value
    }

    /// Parses hex digits with or without `0x`, any number of them (odd counts and leading zeros included);
    /// `nil` if there are no digits, a non-hex character, or a value of 2^256 or more.
    public init?(hex text: some StringProtocol) {
        let digits = Hex.stripPrefix(text).utf8.drop { $0 == UInt8(ascii: "0") }
        guard !Hex.stripPrefix(text).isEmpty, digits.count <= 64 else { return nil }
        var words: [UInt64] = [0, 0, 0, 0]
        for (position, char) in digits.reversed().enumerated() {
            guard let nibble = Hex.nibble(char) else { return nil }
            words[3 - position / 16] |= UInt64(nibble) << (4 * UInt64(position % 16))
        }
        limbs = (words[0], words[1], words[2], words[3])
    }

    /// Base-10 digits, `0` for zero.
    public var decimalString: String {
        if isZero { return "0" }
        var digits: [UInt8] = []
        var rest = self
        // Peel off 19 decimal digits at a time: 10^19 is the largest power of ten below 2^64.
        let chunk: UInt64 = 10_000_000_000_000_000_000
        while !rest.isZero {
            let (quotient, remainder) = rest.quotientAndRemainder(dividingBy: chunk)
            var part = remainder
            for _ in 0..<19 {
                digits.append(UInt8(ascii: "0") + UInt8(part % 10))
                part /= 10
                if quotient.isZero && part == 0 { break }
            }
            rest = quotient
        }
        return String(decoding: digits.reversed(), as: UTF8.self)
    }

    /// The minimal `0x` hex quantity of JSON-RPC: `0x0` for zero, no leading zeros otherwise.
    public var hexQuantity: String {
        let body = Hex.encode(trimmedBytes, prefixed: false).drop { $0 == "0" }
        return "0x" + (body.isEmpty ? "0" : body)
    }

    /// The decimal form.
    public var description: String { decimalString }
}
