/// How the proofs of a set of accounts are asked for: accounts in ascending keccak(address) order (the order pages
/// are emitted in), each account's slots split into `eth_getProof` calls of at most `slotsPerCall`, consecutive calls
/// packed into JSON-RPC batches. Batches are made as they are asked for, so the plan holds the accounts once and
/// nothing per call.
struct ProofPlan: Sendable {
    /// One `eth_getProof` call: part (or all) of one account's slots.
    struct Call: Sendable {
        /// Position of the account in the plan's order.
        var account: Int
        var address: Address
        var slots: [[UInt8]]
        /// Whether this is the account's first call (the one that also fetches its code) and its last.
        var isFirst: Bool
        var isLast: Bool
    }

    /// The accounts and their slots, in ascending keccak(address) order.
    private let accounts: [(address: Address, slots: Set<[UInt8]>)]
    private let slotsPerCall: Int
    private let callsPerBatch: Int
    private let slotsPerBatch: Int
    let slotCount: Int

    var accountCount: Int { accounts.count }

    init(touched: TouchedState, slotsPerCall: Int, callsPerBatch: Int, slotsPerBatch: Int) {
        accounts = touched.slots.map { (hash: Keccak256.hash($0.key.bytes), address: $0.key, slots: $0.value) }
            .sorted { $0.hash.lexicographicallyPrecedes($1.hash) }
            .map { ($0.address, $0.slots) }
        slotCount = touched.slotCount
        self.slotsPerCall = max(1, slotsPerCall)
        self.callsPerBatch = max(1, callsPerBatch)
        self.slotsPerBatch = max(1, slotsPerBatch)
    }

    /// The calls in account order, grouped into batches of at most `callsPerBatch` calls and `slotsPerBatch` slots
    /// (a single call may exceed the latter).
    var batches: Batches { Batches(plan: self) }

    struct Batches: IteratorProtocol, Sendable {
        private let plan: ProofPlan
        /// The next account to start.
        private var nextAccount = 0
        /// The sorted slots of the current account not yet in a call, and whether its first call was made.
        private var remaining: ArraySlice<[UInt8]> = []
        private var started = true
        /// A call made but not yet placed in a batch.
        private var held: Call?

        init(plan: ProofPlan) {
            self.plan = plan
        }

        mutating func next() -> [Call]? {
            var batch: [Call] = []
            var batchSlots = 0
            while let call = held ?? nextCall() {
                if !batch.isEmpty && (batch.count >= plan.callsPerBatch || batchSlots + call.slots.count > plan.slotsPerBatch) {
                    held = call
                    return batch
                }
                held = nil
                batch.append(call)
                batchSlots += call.slots.count
            }
            return batch.isEmpty ? nil : batch
        }

        /// The next call in account order.
        private mutating func nextCall() -> Call? {
            if remaining.isEmpty && started {
                guard nextAccount < plan.accounts.count else { return nil }
                remaining = plan.accounts[nextAccount].slots.sorted { $0.lexicographicallyPrecedes($1) }[...]
                started = false
                nextAccount += 1
            }
            let slots = Array(remaining.prefix(plan.slotsPerCall))
            remaining = remaining.dropFirst(slots.count)
            defer { started = true }
            return Call(account: nextAccount - 1, address: plan.accounts[nextAccount - 1].address, slots: slots,
                        isFirst: !started, isLast: remaining.isEmpty)
        }
    }
}
