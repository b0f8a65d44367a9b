/// How the proofs of a set of accounts are asked for: accounts in ascending keccak(address) order (the order pages
/// are emitted in), each account's slots split into `eth_getProof` calls of at most `slotsPerCall`, consecutive calls
/// packed into JSON-RPC batches.
struct ProofPlan: Sendable {
    /// One `eth_getProof` call: part (or all) of one account's slots.
    struct Call: Sendable {
        /// Position of the account in `addresses`.
        var account: Int
        var address: Address
        var slots: [[UInt8]]
        /// Whether this is the account's first call (the one that also fetches its code) and its last.
        var isFirst: Bool
        var isLast: Bool
    }

    /// The accounts, in ascending keccak(address) order.
    let addresses: [Address]
    /// The calls in account order, grouped into batches.
    let batches: [[Call]]
    let slotCount: Int

    init(touched: TouchedState, slotsPerCall: Int, callsPerBatch: Int, slotsPerBatch: Int) {
        let sorted = touched.slots.map { (hash: Keccak256.hash($0.key.bytes), address: $0.key, slots: $0.value) }
            .sorted { $0.hash.lexicographicallyPrecedes($1.hash) }
        addresses = sorted.map(\.address)
        slotCount = touched.slotCount

        var batches: [[Call]] = []
        var batch: [Call] = []
        var batchSlots = 0
        func add(_ call: Call) {
            if !batch.isEmpty && (batch.count >= callsPerBatch || batchSlots + call.slots.count > slotsPerBatch) {
                batches.append(batch)
                batch = []
                batchSlots = 0
            }
            batch.append(call)
            batchSlots += call.slots.count
        }
        let perCall = max(1, slotsPerCall)
        for (index, entry) in sorted.enumerated() {
            let slots = entry.slots.sorted { $0.lexicographicallyPrecedes($1) }
            let chunkCount = max(1, (slots.count + perCall - 1) / perCall)
            for chunk in 0..<chunkCount {
                let range = (chunk * perCall)..<min(slots.count, (chunk + 1) * perCall)
                add(Call(account: index, address: entry.address, slots: Array(slots[range]),
                         isFirst: chunk == 0, isLast: chunk == chunkCount - 1))
            }
        }
        if !batch.isEmpty { batches.append(batch) }
        self.batches = batches
    }
}
