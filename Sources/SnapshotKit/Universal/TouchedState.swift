/// The addresses and storage slots that may differ from genesis: every one a trace, a block or the genesis alloc
/// names. Listing too many costs a proof each; listing too few fails the storage or state root check.
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

    mutating func formUnion(_ other: TouchedState) {
        for (address, otherSlots) in other.slots {
            let before = slots[address]?.count ?? 0
            slots[address, default: []].formUnion(otherSlots)
            slotCount += slots[address]!.count - before
        }
    }
}
