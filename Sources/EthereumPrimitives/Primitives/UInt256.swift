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
        let value = bytes.withContiguousStorageIfAvailable { Self(bigEndianBuffer: $0) }
            ?? Array(bytes).withUnsafeBufferPointer { Self(bigEndianBuffer: $0) }
        guard let value else { return nil }
        self = value
    }

    private init?(bigEndianBuffer bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= 32 else { return nil }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var shift = 8 * (bytes.count - 1)
        for byte in bytes {
            let word = UInt64(byte) << UInt64(shift % 64)
            switch shift / 64 {
            case 3: words.0 |= word
            case 2: words.1 |= word
            case 1: words.2 |= word
            default: words.3 |= word
            }
            shift -= 8
        }
        limbs = words
    }

    public var isZero: Bool { self == .zero }

    /// 32 big-endian bytes.
    public var bigEndianBytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { buffer, count in
            for (index, word) in [limbs.0, limbs.1, limbs.2, limbs.3].enumerated() {
                for byte in 0..<8 { buffer[8 * index + byte] = UInt8(truncatingIfNeeded: word >> UInt64(56 - 8 * byte)) }
            }
            count = 32
        }
    }

    /// Big-endian bytes without leading zeros (empty for zero): the RLP and trie form.
    public var trimmedBytes: [UInt8] {
        let length = byteWidth
        return [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
            for index in 0..<length { buffer[index] = byte(at: length - 1 - index) }
            count = length
        }
    }

    /// The number of bytes without leading zeros: 0 for zero.
    public var byteWidth: Int {
        if limbs.0 != 0 { return 24 + (71 - limbs.0.leadingZeroBitCount) / 8 }
        if limbs.1 != 0 { return 16 + (71 - limbs.1.leadingZeroBitCount) / 8 }
        if limbs.2 != 0 { return 8 + (71 - limbs.2.leadingZeroBitCount) / 8 }
        return (71 - limbs.3.leadingZeroBitCount) / 8
    }

    /// Byte `index` counted from the least significant (0) to the most significant (31).
    @inline(__always)
    func byte(at index: Int) -> UInt8 {
        let word: UInt64
        switch index / 8 {
        case 0: word = limbs.3
        case 1: word = limbs.2
        case 2: word = limbs.1
        default: word = limbs.0
        }
        return UInt8(truncatingIfNeeded: word >> UInt64(8 * (index % 8)))
    }

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
    /// `self + other` modulo 2^256, and whether the true sum did not fit.
    public func addingReportingOverflow(_ other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let (w3, c3) = limbs.3.addingReportingOverflow(other.limbs.3)
        let (w2, c2) = Self.add(limbs.2, other.limbs.2, carry: c3)
        let (w1, c1) = Self.add(limbs.1, other.limbs.1, carry: c2)
        let (w0, c0) = Self.add(limbs.0, other.limbs.0, carry: c1)
        return (UInt256(limbs: (w0, w1, w2, w3)), c0)
    }

    /// `self - other` modulo 2^256, and whether `other` was larger (the true difference is negative).
    public func subtractingReportingOverflow(_ other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let (w3, b3) = limbs.3.subtractingReportingOverflow(other.limbs.3)
        let (w2, b2) = Self.subtract(limbs.2, other.limbs.2, borrow: b3)
        let (w1, b1) = Self.subtract(limbs.1, other.limbs.1, borrow: b2)
        let (w0, b0) = Self.subtract(limbs.0, other.limbs.0, borrow: b1)
        return (UInt256(limbs: (w0, w1, w2, w3)), b0)
    }

    /// `self × factor` modulo 2^256, and whether the true product did not fit.
    public func multipliedReportingOverflow(by factor: UInt64) -> (partialValue: UInt256, overflow: Bool) {
        multipliedAdding(factor, 0)
    }

    /// `self × factor + addend` modulo 2^256, and whether the true result did not fit.
    func multipliedAdding(_ factor: UInt64, _ addend: UInt64) -> (partialValue: UInt256, overflow: Bool) {
        var carry = addend
        func step(_ word: UInt64) -> UInt64 {
            let (high, low) = word.multipliedFullWidth(by: factor)
            let (sum, overflow) = low.addingReportingOverflow(carry)
            carry = high &+ (overflow ? 1 : 0)
            return sum
        }
        let w3 = step(limbs.3), w2 = step(limbs.2), w1 = step(limbs.1), w0 = step(limbs.0)
        return (UInt256(limbs: (w0, w1, w2, w3)), carry != 0)
    }

    /// The quotient and remainder of division by a nonzero `divisor`.
    public func quotientAndRemainder(dividingBy divisor: UInt64) -> (quotient: UInt256, remainder: UInt64) {
        precondition(divisor != 0, "division by zero")
        let (q0, r0) = divisor.dividingFullWidth((high: 0, low: limbs.0))
        let (q1, r1) = divisor.dividingFullWidth((high: r0, low: limbs.1))
        let (q2, r2) = divisor.dividingFullWidth((high: r1, low: limbs.2))
        let (q3, r3) = divisor.dividingFullWidth((high: r2, low: limbs.3))
        return (UInt256(limbs: (q0, q1, q2, q3)), r3)
    }

    private static func add(_ a: UInt64, _ b: UInt64, carry: Bool) -> (UInt64, Bool) {
        let (partial, overflowA) = a.addingReportingOverflow(b)
        let (total, overflowB) = partial.addingReportingOverflow(carry ? 1 : 0)
        return (total, overflowA || overflowB)
    }

    private static func subtract(_ a: UInt64, _ b: UInt64, borrow: Bool) -> (UInt64, Bool) {
        let (partial, overflowA) = a.subtractingReportingOverflow(b)
        let (total, overflowB) = partial.subtractingReportingOverflow(borrow ? 1 : 0)
        return (total, overflowA || overflowB)
    }
}

// MARK: - Text

extension UInt256: CustomStringConvertible, ExpressibleByIntegerLiteral {
    public init(integerLiteral value: UInt64) { self.init(value) }

    /// Parses base-10 digits (no sign, no prefix); `nil` if empty, not all digits, or 2^256 or more.
    public init?(decimal text: some StringProtocol) {
        guard let value = text.utf8.withContiguousStorageIfAvailable({ Self.decimal($0) })
                ?? Array(text.utf8).withUnsafeBufferPointer({ Self.decimal($0) }) else {
            return nil
        }
        self = value
    }

    /// Parses base-10 digits given as bytes; `nil` if empty, not all digits, or 2^256 or more. Takes up to 19 digits
    /// at a time (10^19 is the largest power of ten below 2^64).
    public static func decimal(_ digits: UnsafeBufferPointer<UInt8>) -> UInt256? {
        guard !digits.isEmpty else { return nil }
        var value = UInt256.zero
        var chunk: UInt64 = 0, scale: UInt64 = 1, inChunk = 0
        for char in digits {
            let digit = char &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            chunk = chunk &* 10 &+ UInt64(digit)
            scale &*= 10
            inChunk += 1
            if inChunk == 19 {
                let (next, overflow) = value.multipliedAdding(scale, chunk)
                guard !overflow else { return nil }
                (value, chunk, scale, inChunk) = (next, 0, 1, 0)
            }
        }
        if inChunk > 0 {
            let (next, overflow) = value.multipliedAdding(scale, chunk)
            guard !overflow else { return nil }
            value = next
        }
        return value
    }

    /// Parses hex digits with or without `0x`, any number of them (odd counts and leading zeros included);
    /// `nil` if there are no digits, a non-hex character, or a value of 2^256 or more.
    public init?(hex text: some StringProtocol) {
        let digits = Hex.stripPrefix(text).utf8
        guard !digits.isEmpty, let value = digits.withContiguousStorageIfAvailable({ Self.hexDigits($0) })
                ?? Array(digits).withUnsafeBufferPointer({ Self.hexDigits($0) }) else { return nil }
        self = value
    }

    /// Parses hex digits given as bytes (no prefix), any number of them; leading zeros are skipped. `nil` for a
    /// non-hex character or a value of 2^256 or more; zero when there are no digits.
    public static func hexDigits(_ digits: UnsafeBufferPointer<UInt8>) -> UInt256? {
        var start = 0
        while start < digits.count, digits[start] == UInt8(ascii: "0") { start += 1 }
        guard digits.count - start <= 64 else { return nil }
        // Sixteen digits a limb, from the least significant end.
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var end = digits.count
        for limb in 0..<4 where end > start {
            let from = Swift.max(start, end - 16)
            var word: UInt64 = 0
            for index in from..<end {
                let value = Hex.value(digits[index])
                guard value < 0x10 else { return nil }
                word = word << 4 | UInt64(value)
            }
            switch limb {
            case 0: words.3 = word
            case 1: words.2 = word
            case 2: words.1 = word
            default: words.0 = word
            }
            end = from
        }
        return UInt256(limbs: words)
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
        var out: [UInt8] = []
        appendHexQuantity(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `hexQuantity`'s UTF-8 bytes to `out`.
    public func appendHexQuantity(to out: inout [UInt8]) {
        out.append(UInt8(ascii: "0"))
        out.append(UInt8(ascii: "x"))
        let width = byteWidth
        guard width > 0 else { return out.append(UInt8(ascii: "0")) }
        let top = byte(at: width - 1)
        if top >= 0x10 { out.append(Hex.digit(top >> 4)) }
        out.append(Hex.digit(top & 0x0f))
        for index in stride(from: width - 2, through: 0, by: -1) {
            let value = byte(at: index)
            out.append(Hex.digit(value >> 4))
            out.append(Hex.digit(value & 0x0f))
        }
    }

    /// The decimal form.
    public var description: String { decimalString }
}
