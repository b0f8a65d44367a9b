/// What a verified extraction read: the recomputed state root (equal to the pinned block's) and the counts.
public struct ExtractedState: Sendable, Equatable {
    /// The name of the source that read it.
    public var source: String
    /// The state root of the accounts read, equal to the pinned block's `stateRoot`.
    public var stateRoot: [UInt8]
    public var accounts: Int
    /// Accounts with code.
    public var contracts: Int
    /// Nonzero storage slots over all accounts.
    public var storageSlots: Int

    public init(source: String, stateRoot: [UInt8], accounts: Int, contracts: Int, storageSlots: Int) {
        self.source = source
        self.stateRoot = stateRoot
        self.accounts = accounts
        self.contracts = contracts
        self.storageSlots = storageSlots
    }
}
