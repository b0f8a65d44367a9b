/// The checked answer to one `eth_getProof` call of a `ProofPlan`.
struct ProvenCall: Sendable {
    var call: ProofPlan.Call
    /// The proven account; `nil` when the proof shows it absent.
    var account: TrieAccount?
    /// The call's slots with non-zero values.
    var storage: [[UInt8]: UInt256]
    /// The account's code, on its first call when it has code.
    var code: [UInt8]

    /// Asks for the proofs of `calls` in one batch at `block`, verifies each account proof against the block's state
    /// root, fetches the code of the accounts that have some, and checks what can be checked per call: every
    /// requested slot answered, code matching its hash, and (for an account read in one call) the storage root.
    static func prove(_ calls: [ProofPlan.Call], at block: PinnedBlock, rpc: JSONRPCClient) async throws -> [ProvenCall] {
        let tag = JSONValue.string(BlockTag.hex(block.number))
        let answers = try await rpc.batch(calls.map { call in
            (method: "eth_getProof", params: [.string(call.address.description), .array(call.slots.map { .string($0.hexString) }), tag])
        })
        var proven: [ProvenCall] = []
        proven.reserveCapacity(calls.count)
        for (call, answer) in zip(calls, answers) {
            let proof = try AccountProof(json: try answer.get(), address: call.address)
            let account = try proof.verified(against: block.stateRoot)
            var storage: [[UInt8]: UInt256] = [:]
            if account != nil {
                var values: [[UInt8]: UInt256] = [:]
                for entry in proof.storageValues { values[entry.slot] = entry.value }
                for slot in call.slots {
                    guard let value = values[slot] else {
                        throw UniversalSourceError.missingStorageValue(address: call.address, slot: slot)
                    }
                    if !value.isZero { storage[slot] = value }
                }
            }
            if let account, call.isFirst && call.isLast {
                try checkStorage(storage, slotsRead: call.slots.count, of: call.address, against: account.storageRoot)
            }
            proven.append(ProvenCall(call: call, account: account, storage: storage, code: []))
        }
        try await fetchCode(for: &proven, tag: tag, rpc: rpc)
        return proven
    }

    /// Throws `incompleteStorage` unless `storage` rebuilds `storageRoot`.
    static func checkStorage(_ storage: [[UInt8]: UInt256], slotsRead: Int, of address: Address,
                             against storageRoot: [UInt8]) throws(UniversalSourceError) {
        let computed = StateRoot.storageRoot(storage)
        guard computed == storageRoot else {
            throw .incompleteStorage(address: address, slotsRead: slotsRead, computedRoot: computed, expectedRoot: storageRoot)
        }
    }

    /// Fills in the code of every first call whose account has code: one `eth_getCode` per distinct code hash.
    private static func fetchCode(for proven: inout [ProvenCall], tag: JSONValue, rpc: JSONRPCClient) async throws {
        var firstWithHash: [[UInt8]: Int] = [:]
        for (index, entry) in proven.enumerated() where entry.call.isFirst {
            guard let account = entry.account, account.hasCode, firstWithHash[account.codeHash] == nil else { continue }
            firstWithHash[account.codeHash] = index
        }
        guard !firstWithHash.isEmpty else { return }
        let wanted = Array(firstWithHash.values).sorted()
        let answers = try await rpc.batch(wanted.map { index in
            (method: "eth_getCode", params: [.string(proven[index].call.address.description), tag])
        })
        var codes: [[UInt8]: [UInt8]] = [:]
        for (index, answer) in zip(wanted, answers) {
            let address = proven[index].call.address
            let expected = proven[index].account!.codeHash
            guard let text = try answer.get().stringValue, let code = try? Hex.decode(text) else {
                throw UniversalSourceError.codeHashMismatch(address: address, expected: expected, actual: [])
            }
            let actual = Keccak256.hash(code)
            guard actual == expected else {
                throw UniversalSourceError.codeHashMismatch(address: address, expected: expected, actual: actual)
            }
            codes[expected] = code
        }
        for index in proven.indices where proven[index].call.isFirst {
            if let account = proven[index].account, account.hasCode { proven[index].code = codes[account.codeHash] ?? [] }
        }
    }
}

/// Joins the calls of each account, in plan order, into accounts.
struct AccountAssembler {
    private var account: TrieAccount?
    private var storage: [[UInt8]: UInt256] = [:]
    private var code: [UInt8] = []
    private var accountSlots = 0
    /// Accounts whose calls have all arrived (absent ones included).
    private(set) var accountsChecked = 0
    /// Slots read in all.
    private(set) var slotsRead = 0

    /// Adds the next call; returns the account when this was its last call and it exists.
    mutating func add(_ proven: ProvenCall) throws(UniversalSourceError) -> Account? {
        if proven.call.isFirst {
            account = proven.account
            storage = proven.storage
            code = proven.code
            accountSlots = 0
        } else {
            storage.merge(proven.storage) { _, new in new }
        }
        accountSlots += proven.call.slots.count
        slotsRead += proven.call.slots.count
        guard proven.call.isLast else { return nil }
        accountsChecked += 1
        guard let account else { return nil }
        if !proven.call.isFirst {
            try ProvenCall.checkStorage(storage, slotsRead: accountSlots, of: proven.call.address, against: account.storageRoot)
        }
        return Account(address: proven.call.address, nonce: account.nonce, balance: account.balance, code: code, storage: storage)
    }
}
