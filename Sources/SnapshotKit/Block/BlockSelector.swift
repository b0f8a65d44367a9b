import Foundation

/// Which block a snapshot is taken at, as the user names it (`--block`): a tag, a number or a hash.
public enum BlockSelector: Sendable, Equatable, CustomStringConvertible {
    /// The node's head.
    case latest
    /// The latest finalized block (proof-of-stake chains).
    case finalized
    /// The latest safe block (proof-of-stake chains).
    case safe
    case number(UInt64)
    /// A 32-byte block hash.
    case hash([UInt8])

    /// Reads `latest`, `finalized`, `safe` (any letter case), a decimal number, a `0x` hex number, or a `0x` block
    /// hash of 64 hex digits.
    public init(parsing text: String) throws(BlockPinningError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch trimmed.lowercased() {
        case "latest": self = .latest; return
        case "finalized": self = .finalized; return
        case "safe": self = .safe; return
        default: break
        }
        let digits = Hex.stripPrefix(trimmed)
        if digits.count != trimmed.count {
            if digits.count == 64, let bytes = try? Hex.decode(digits) {
                self = .hash(bytes)
                return
            }
            if !digits.isEmpty, digits.count <= 16, let number = UInt64(digits, radix: 16) {
                self = .number(number)
                return
            }
        } else if let number = UInt64(trimmed) {
            self = .number(number)
            return
        }
        throw .invalidSelector(text)
    }

    /// The first parameter of `eth_getBlockByNumber` (a tag or a hex quantity); `nil` for a hash.
    var blockNumberParameter: JSONValue? {
        switch self {
        case .latest: .string("latest")
        case .finalized: .string("finalized")
        case .safe: .string("safe")
        case .number(let number): .string("0x" + String(number, radix: 16))
        case .hash: nil
        }
    }

    public var description: String {
        switch self {
        case .latest: "latest"
        case .finalized: "finalized"
        case .safe: "safe"
        case .number(let number): String(number)
        case .hash(let hash): Hex.encode(hash)
        }
    }
}
