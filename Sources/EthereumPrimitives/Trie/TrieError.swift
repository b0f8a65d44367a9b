/// Why a streaming trie builder refused an entry.
public enum TrieError: Error, Equatable, CustomStringConvertible {
    /// `key` does not come strictly after `previous` in byte order (equal keys included).
    case keyOutOfOrder(key: [UInt8], previous: [UInt8])
    /// `key` came with an empty value, which a trie cannot hold (an empty value means "absent").
    case emptyValue(key: [UInt8])
    /// The account at `address` does not come after `previous` in ascending keccak(address) order.
    case accountOutOfOrder(address: Address, previous: Address)

    public var description: String {
        switch self {
        case .keyOutOfOrder(let key, let previous):
            "trie key \(key.hexString) does not come after \(previous.hexString); append keys in strictly ascending byte order"
        case .emptyValue(let key):
            "trie key \(key.hexString) has an empty value; leave absent entries out instead of appending them"
        case .accountOutOfOrder(let address, let previous):
            "account \(address) does not come after \(previous) in keccak(address) order; append accounts sorted by hashed address, without duplicates"
        }
    }
}
