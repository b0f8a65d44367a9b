/// Computes a state root from accounts streamed in ascending keccak(address) order (the order `debug_accountRange`
/// pages through), holding only one account and the open trie path in memory.
public struct StateRootBuilder: Sendable {
    private var trie = StreamingTrieBuilder()
    private var previous: Address?

    /// Number of accounts appended so far.
    public private(set) var count = 0

    public init() {}

    /// Adds an account, its storage root computed here. Its hashed address must come after the previous one's.
    public mutating func append(_ account: Account) throws(TrieError) {
        let entry = StateRoot.entry(of: account)
        try append(key: entry.key, leaf: entry.leaf, of: account.address)
    }

    /// Adds an account by its state-trie entry (`StateRoot.entry(of:)`), computed beforehand — e.g. on another core.
    /// `key` must come after the previous account's.
    public mutating func append(key: [UInt8], leaf: [UInt8], of address: Address) throws(TrieError) {
        do {
            try trie.append(key: key, value: leaf)
        } catch .keyOutOfOrder {
            throw .accountOutOfOrder(address: address, previous: previous ?? address)
        }
        previous = address
        count += 1
    }

    /// The state root of everything appended; `MerklePatriciaTrie.emptyRoot` when nothing was. The builder is empty
    /// again afterwards.
    public mutating func finish() -> [UInt8] {
        defer { self = StateRootBuilder() }
        return trie.finish()
    }
}
