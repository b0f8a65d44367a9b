/// A 20-byte Ethereum account address.
public struct Address: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Why a text is not an address.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        /// The text that was given.
        public let text: String
        public var description: String {
            "not an address: \"\(Hex.abbreviate(text))\" (expected 40 hex digits, with or without 0x)"
        }
    }

    /// Exactly 20 bytes.
    public let bytes: [UInt8]

    /// The zero address, a genesis' default coinbase.
    public static let zero = Address(uncheckedBytes: [UInt8](repeating: 0, count: 20))

    /// Wraps 20 bytes; `nil` for any other length.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 20 else { return nil }
        self.bytes = bytes
    }

    /// Parses 40 hex digits with or without `0x`, in any letter case (lowercase, EIP-55 checksummed or uppercase).
    /// The checksum of mixed-case input is not verified: genesis files and dumps are machine-written.
    public init(hex text: some StringProtocol) throws(ParseError) {
        guard Hex.stripPrefix(text).utf8.count == 40, let bytes = try? Hex.decode(text) else {
            throw ParseError(text: String(text))
        }
        self.bytes = bytes
    }

    private init(uncheckedBytes: [UInt8]) { bytes = uncheckedBytes }

    /// Lowercase `0x` hex, the form a portable genesis alloc uses.
    public var description: String { Hex.encode(bytes) }

    /// The EIP-55 mixed-case checksum form: a hex letter is uppercase when the matching nibble of
    /// keccak256(lowercase hex digits as ASCII) is 8 or more.
    public var checksummed: String {
        let lower = Array(Hex.encode(bytes, prefixed: false).utf8)
        let hash = Keccak256.hash(lower)
        var out: [UInt8] = Array("0x".utf8)
        for (index, char) in lower.enumerated() {
            let nibble = index % 2 == 0 ? hash[index / 2] >> 4 : hash[index / 2] & 0x0f
            out.append(char >= UInt8(ascii: "a") && nibble >= 8 ? char - 0x20 : char)
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func < (lhs: Address, rhs: Address) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }
}
