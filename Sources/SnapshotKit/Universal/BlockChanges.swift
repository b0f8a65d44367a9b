/// What one block changed, in the order it happened: the accounts it touched, the slots it left non-zero and the
/// slots it cleared. Applied to a `TouchedState` block after block, in block order, a slot cleared and never written
/// again drops out, so what is kept follows the state rather than the length of the chain.
struct BlockChanges: Sendable, Equatable {
    enum Change: Sendable, Equatable {
        /// The account may differ from genesis (it is proven, and dropped if the proof shows it absent).
        case account(Address)
        /// The slot (32 bytes) may hold a non-zero value.
        case written(Address, slot: [UInt8])
        /// The slot was set to zero (or its account deleted).
        case cleared(Address, slot: [UInt8])
    }

    private(set) var changes: [Change] = []

    mutating func touch(_ address: Address) { changes.append(.account(address)) }
    mutating func write(_ address: Address, slot: [UInt8]) { changes.append(.written(address, slot: slot)) }
    mutating func clear(_ address: Address, slot: [UInt8]) { changes.append(.cleared(address, slot: slot)) }

    /// The slots cleared, by account, in order.
    var cleared: [Address: [[UInt8]]] {
        var result: [Address: [[UInt8]]] = [:]
        for case .cleared(let address, let slot) in changes { result[address, default: []].append(slot) }
        return result
    }
}
