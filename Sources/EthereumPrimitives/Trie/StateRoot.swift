/// The world-state root of a set of accounts: the secure trie keccak(address) → account leaf, where each account's
/// leaf commits to its own storage trie and code hash.
public enum StateRoot {
    /// Root of an account's storage: the secure trie keccak(slot) → rlp(value without leading zeros). Zero values are
    /// left out (they are never stored); `MerklePatriciaTrie.emptyRoot` when nothing remains.
    public static func storageRoot(_ storage: [[UInt8]: UInt256]) -> [UInt8] {
        if storage.isEmpty { return MerklePatriciaTrie.emptyRoot }
        return MerklePatriciaTrie.root(of: storage.compactMap { slot, value in
            value.isZero ? nil : (key: Keccak256.hash(slot), value: RLP.encode(value))
        })
    }

    /// The value an account has in the state trie: `rlp([nonce, balance, storageRoot, keccak(code)])`.
    public static func accountLeaf(_ account: Account, storageRoot: [UInt8]) -> [UInt8] {
        let codeHash = account.code.isEmpty ? Keccak256.emptyHash : Keccak256.hash(account.code)
        return RLP.encodeList([
            RLP.encode(account.nonce),
            RLP.encode(account.balance),
            RLP.encode(bytes: storageRoot),
            RLP.encode(bytes: codeHash),
        ])
    }

    /// An account's entry in the state trie: keccak(address) and its leaf, storage root included.
    public static func entry(of account: Account) -> (key: [UInt8], leaf: [UInt8]) {
        (Keccak256.hash(account.address.bytes), accountLeaf(account, storageRoot: storageRoot(account.storage)))
    }

    /// The state root of `accounts`, given in any order (they are sorted by keccak(address) here). When an address
    /// repeats, the later account wins.
    public static func of(_ accounts: [Account]) -> [UInt8] {
        MerklePatriciaTrie.root(of: accounts.map { account in
            let entry = entry(of: account)
            return (key: entry.key, value: entry.leaf)
        })
    }
}
