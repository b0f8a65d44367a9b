/// A 20-byte Ethereum account address.
public struct Address: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Exactly 20 bytes.
    public let bytes: [UInt8]

    /// Wraps 20 bytes; `nil` for any other length.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 20 else { return nil }
        self.bytes = bytes
    }

    /// Lowercase `0x` hex, the form a portable genesis alloc uses.
    public var description: String { Hex.encode(bytes) }

    public static func < (lhs: Address, rhs: Address) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }
}
