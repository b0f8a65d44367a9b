import SnapshotKit

/// A world state held in state-trie order (ascending keccak256(address)), with each account's storage root and code
/// hash computed once: what a fake node needs to answer range, dump and proof queries quickly.
public struct FakeWorldState: Sendable {
    /// One account with its trie key and the roots its trie leaf commits to.
    public struct Entry: Sendable {
        /// keccak256(address): the account's key in the state trie.
        public let hashedAddress: [UInt8]
        public let account: Account
        /// Root of the account's storage trie.
        public let storageRoot: [UInt8]
        /// keccak256(code), `Keccak256.emptyHash` for an account without code.
        public let codeHash: [UInt8]

        init(_ account: Account) {
            hashedAddress = Keccak256.hash(account.address.bytes)
            self.account = account
            storageRoot = StateRoot.storageRoot(account.storage)
            codeHash = account.code.isEmpty ? Keccak256.emptyHash : Keccak256.hash(account.code)
        }

        /// The account's storage as (slot, keccak256(slot), value) in storage-trie order.
        public var storageInTrieOrder: [(slot: [UInt8], hashedSlot: [UInt8], value: UInt256)] {
            account.storage.map { (slot: $0.key, hashedSlot: Keccak256.hash($0.key), value: $0.value) }
                .sorted { $0.hashedSlot.lexicographicallyPrecedes($1.hashedSlot) }
        }
    }

    /// Every account, ascending by `hashedAddress`.
    public let entries: [Entry]
    /// The state root of the accounts.
    public let stateRoot: [UInt8]
    private let indexByAddress: [Address: Int]

    /// The state made of `accounts`; when an address repeats, the later account wins.
    public init(_ accounts: [Account]) {
        self.init(entries: Self.latestPerAddress(accounts).map(Entry.init))
    }

    private init(entries unsorted: [Entry]) {
        entries = unsorted.sorted { $0.hashedAddress.lexicographicallyPrecedes($1.hashedAddress) }
        stateRoot = MerklePatriciaTrie.root(of: entries.map { entry in
            (key: entry.hashedAddress, value: StateRoot.accountLeaf(entry.account, storageRoot: entry.storageRoot))
        })
        indexByAddress = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.account.address, $0) })
    }

    /// The accounts in state-trie order.
    public var accounts: [Account] { entries.map(\.account) }

    /// The account at `address`, if it exists.
    public func account(_ address: Address) -> Account? {
        indexByAddress[address].map { entries[$0].account }
    }

    /// The index of the first entry whose hashed address is at or after `key` (`entries.count` when none is).
    /// A key shorter than 32 bytes compares as if padded with zeros on the right, as a trie iterator's seek does.
    public func firstIndex(atOrAfter key: [UInt8]) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].hashedAddress.lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// This state with `changed` accounts set (created or replaced) and `deleted` addresses removed. Unchanged
    /// accounts keep their computed roots.
    public func applying(changed: [Account], deleted: [Address] = []) -> FakeWorldState {
        let replaced = Set(changed.map(\.address)).union(deleted)
        var kept = entries.filter { !replaced.contains($0.account.address) }
        kept += Self.latestPerAddress(changed).map(Entry.init)
        return FakeWorldState(entries: kept)
    }

    private static func latestPerAddress(_ accounts: [Account]) -> [Account] {
        var position: [Address: Int] = [:]
        var unique: [Account] = []
        for account in accounts {
            if let index = position[account.address] {
                unique[index] = account
            } else {
                position[account.address] = unique.count
                unique.append(account)
            }
        }
        return unique
    }
}
