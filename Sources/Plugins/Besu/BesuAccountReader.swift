import SnapshotKit

/// Reads one account listed by `debug_accountRange` at the pinned block: its fields from a verified `eth_getProof`,
/// its code with `eth_getCode`, its slots listed by `debug_storageRangeAt` (through the storage view) and their
/// values from `eth_getProof` at the pinned block; the slots must rebuild the proven storage root.
struct BesuAccountReader: Sendable {
    /// Slots asked in one `eth_getProof` call at most.
    static let slotsPerProof = 1024
    /// Slots asked in one `debug_storageRangeAt` call.
    static let slotsPerRange = 1024

    let rpc: JSONRPCClient
    let block: PinnedBlock
    let view: BesuStorageView

    func read(_ address: Address) async throws -> Account {
        let proof = try await self.proof(of: address, slots: [])
        guard let account = try proof.verified(against: block.stateRoot) else {
            throw BesuRangeError.listedAccountAbsent(address: address, block: block.number)
        }
        let code = account.hasCode ? try await self.code(of: address, hash: account.codeHash) : []
        var storage: [[UInt8]: UInt256] = [:]
        var slots: [[UInt8]] = []
        if account.storageRoot != MerklePatriciaTrie.emptyRoot {
            slots = try await listedSlots(of: address)
            for start in stride(from: 0, to: slots.count, by: Self.slotsPerProof) {
                let chunk = Array(slots[start..<min(slots.count, start + Self.slotsPerProof)])
                let answer = try await self.proof(of: address, slots: chunk)
                _ = try answer.verified(against: block.stateRoot)
                let values = Dictionary(answer.storageValues.map { ($0.slot, $0.value) }, uniquingKeysWith: { _, last in last })
                for slot in chunk {
                    guard let value = values[slot] else {
                        throw BesuRangeError.malformedAnswer(method: "eth_getProof", reason: "no value for slot \(slot.hexString) of \(address)")
                    }
                    if !value.isZero { storage[slot] = value }
                }
            }
        }
        let computed = StateRoot.storageRoot(storage)
        guard computed == account.storageRoot else {
            throw BesuRangeError.incompleteStorage(address: address, slotsRead: slots.count, computedRoot: computed,
                                                   expectedRoot: account.storageRoot)
        }
        return Account(address: address, nonce: account.nonce, balance: account.balance, code: code, storage: storage)
    }

    private func proof(of address: Address, slots: [[UInt8]]) async throws -> AccountProof {
        let answer = try await rpc.call("eth_getProof", params: [
            .string(address.description), .array(slots.map { .string($0.hexString) }), .string(BesuStorageView.tag(block.number)),
        ])
        return try AccountProof(json: answer, address: address)
    }

    private func code(of address: Address, hash: [UInt8]) async throws -> [UInt8] {
        let answer = try await rpc.call("eth_getCode", params: [.string(address.description), .string(BesuStorageView.tag(block.number))])
        let code = answer.stringValue.flatMap { try? Hex.decode($0) } ?? []
        let actual = Keccak256.hash(code)
        guard actual == hash else { throw BesuRangeError.codeHashMismatch(address: address, expected: hash, actual: actual) }
        return code
    }

    /// Every slot the view lists for `address`, plus the block's system-call slots, ascending and unique.
    private func listedSlots(of address: Address) async throws -> [[UInt8]] {
        var slots = Set(view.extraSlots[address] ?? [])
        var start: [UInt8]? = [UInt8](repeating: 0, count: 32)
        while let from = start {
            let answer: JSONValue
            do {
                answer = try await rpc.call(BesuStorageRangePage.method, params: [
                    .string(Hex.encode(view.blockHash)), .integer(view.transactionIndex), .string(address.description),
                    .string(Hex.encode(from)), .integer(Self.slotsPerRange),
                ])
            } catch {
                // Besu answers "Internal error" when the account is absent from the view's state, or its storage
                // cannot be listed.
                if case .rpc(-32603, let message, _) = error.failure {
                    throw BesuRangeError.storageUnreadable(address: address, nodeMessage: message)
                }
                throw error
            }
            let page = try BesuStorageRangePage(answer, address: address)
            slots.formUnion(page.slots)
            start = page.next
        }
        return slots.sorted { $0.lexicographicallyPrecedes($1) }
    }
}
