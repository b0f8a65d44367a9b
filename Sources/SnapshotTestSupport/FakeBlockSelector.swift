import SnapshotKit

/// How a JSON-RPC call names a block: a number, a tag or a hash.
public enum FakeBlockSelector: Sendable, Equatable {
    case number(UInt64)
    case hash([UInt8])
    case latest, pending, earliest, finalized, safe

    /// Reads a block parameter as geth's `BlockNumberOrHash` does: a tag, a `0x` quantity, a 32-byte `0x` hash, or
    /// an object with `blockNumber` or `blockHash`. `nil` when it is none of these.
    public init?(_ json: JSONValue, allowHash: Bool) {
        if let object = json.objectValue {
            if allowHash, let hash = object.first(where: { $0.key == "blockHash" })?.value.stringValue,
               let bytes = try? [UInt8](hex: hash), bytes.count == 32, hash.hasPrefix("0x") {
                self = .hash(bytes)
                return
            }
            guard let number = object.first(where: { $0.key == "blockNumber" })?.value else { return nil }
            self.init(number, allowHash: false)
            return
        }
        guard let text = json.stringValue else { return nil }
        switch text {
        case "latest": self = .latest
        case "pending": self = .pending
        case "earliest": self = .earliest
        case "finalized": self = .finalized
        case "safe": self = .safe
        default:
            guard text.hasPrefix("0x") else { return nil }
            if allowHash, text.count == 66, let bytes = try? [UInt8](hex: text) {
                self = .hash(bytes)
            } else if let number = Quantity.uint64(text: text), text.count > 2 {
                self = .number(number)
            } else {
                return nil
            }
        }
    }
}
