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
        let leaf = StateRoot.accountLeaf(account, storageRoot: StateRoot.storageRoot(account.storage))
        do {
            try trie.append(key: Keccak256.hash(account.address.bytes), value: leaf)
        } catch .keyOutOfOrder {
            throw .accountOutOfOrder(address: account.address, previous: previous ?? account.address)
        }
        previous = account.address
        count += 1
    }

    /// The state root of everything appended; `MerklePatriciaTrie.emptyRoot` when nothing was. The builder is empty
    /// again afterwards.
    public mutating func finish() -> [UInt8] {
        defer { self = StateRootBuilder() }
        return trie.finish()
    }
}
