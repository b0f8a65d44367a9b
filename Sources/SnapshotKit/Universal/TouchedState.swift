/// The addresses and storage slots that may differ from genesis: every one a trace, a block or the genesis alloc
/// names, less the slots a later trace shows cleared. Listing too many costs a proof each; listing too few fails the
/// storage or state root check.
struct TouchedState: Sendable, Equatable {
    /// Address → its 32-byte slots.
    private(set) var slots: [Address: Set<[UInt8]>] = [:]
    private(set) var slotCount = 0

    var accountCount: Int { slots.count }

    mutating func insert(_ address: Address) {
        if slots[address] == nil { slots[address] = [] }
    }

    mutating func insert(_ address: Address, slot: [UInt8]) {
        if slots[address, default: []].insert(slot).inserted { slotCount += 1 }
    }

    /// Forgets `slot` of `address` (a trace showed it cleared); the address stays.
    mutating func remove(_ address: Address, slot: [UInt8]) {
        if slots[address]?.remove(slot) != nil { slotCount -= 1 }
    }

    /// Applies a block's changes in their order: cleared slots are forgotten, the rest inserted.
    mutating func apply(_ block: BlockChanges) {
        for change in block.changes {
            switch change {
            case .account(let address): insert(address)
            case .written(let address, let slot): insert(address, slot: slot)
            case .cleared(let address, let slot): insert(address); remove(address, slot: slot)
            }
        }
    }
}
