/// The state-trie entries of a page of accounts — hashed keys and leaves, storage roots included — and its counts:
/// the hashing a state root needs that does not depend on order, so pages can be prepared on any core.
struct AccountEntries: Sendable {
    private(set) var addresses: [Address] = []
    private(set) var keys: [[UInt8]] = []
    private(set) var leaves: [[UInt8]] = []
    /// Accounts with code.
    private(set) var contracts = 0
    /// Nonzero storage slots.
    private(set) var storageSlots = 0

    init(_ accounts: [Account]) {
        addresses.reserveCapacity(accounts.count)
        keys.reserveCapacity(accounts.count)
        leaves.reserveCapacity(accounts.count)
        for account in accounts {
            let entry = StateRoot.entry(of: account)
            addresses.append(account.address)
            keys.append(entry.key)
            leaves.append(entry.leaf)
            if !account.code.isEmpty { contracts += 1 }
            storageSlots += account.storage.count
        }
    }
}
