extension NodeVerifier {
    /// How many differing accounts a failed `node.accounts` detail names.
    static let listedAccounts = 5
    /// How many differing slots it names per account.
    static let listedSlots = 3
    /// The most alloc slots asked for when looking for the slots behind a storage-root difference (geth's cap per
    /// `eth_getProof` call).
    static let maxAskedSlots = 1024

    /// `node.accounts`: `eth_getProof` at block 0 for every sampled alloc account, each proof verified against the
    /// node's block 0 state root, proves the balance, nonce, code hash and storage root the alloc gives the account.
    func checkAccounts(
        _ block: NodeGenesisBlock, _ genesis: Result<ExpectedGenesis, SnapshotVerificationError>, progress: StateProgressHandler?
    ) async throws -> VerificationCheck {
        let name = "node.accounts"
        guard case .success(let expected) = genesis else { return .failed(name, genesis.failureDescription) }
        let alloc = expected.file.alloc
        guard let root = block.stateRoot else {
            return .failed(name, "\(block.problem ?? "the node's block 0 has no 32-byte stateRoot"): no state root to prove accounts against")
        }
        let positions = sample.positions(in: alloc)
        let batches = stride(from: 0, to: positions.count, by: batchSize).map { Array(positions[$0..<min($0 + batchSize, positions.count)]) }
        var differences: [(position: Int, text: String)] = []
        var proven = 0, withStorage = 0, slots = 0
        try await forEachConcurrently(batches, limit: concurrency, operation: { [rpc] batch in
            try await Self.prove(batch.map { alloc[$0] }, root: root, rpc: rpc)
        }, consume: { index, found in
            for (position, difference) in zip(batches[index], found) {
                if let difference { differences.append((position, difference)) }
                let storage = alloc[position].storage.count
                proven += 1
                slots += storage
                if storage > 0 { withStorage += 1 }
            }
            progress?(StateProgress(accounts: proven, storageSlots: slots,
                                    fraction: Double(proven) / Double(max(1, positions.count)), phase: "accounts"))
        })
        let scope = proven == alloc.count ? "all \(proven)" : "\(proven) of \(alloc.count)"
        guard !differences.isEmpty else {
            return .passed(name, "\(scope) alloc accounts (\(withStorage) with storage, \(slots) slots) proven at block 0 against "
                + "the node's state root: balance, nonce, code hash and storage root as el/genesis.json's alloc says")
        }
        let listed = differences.sorted { $0.position < $1.position }.prefix(Self.listedAccounts).map(\.text)
        let more = differences.count > listed.count ? "; and \(differences.count - listed.count) more" : ""
        return .failed(name, "\(differences.count) of \(proven) proven accounts differ from el/genesis.json's alloc: "
            + listed.joined(separator: "; ") + more)
    }

    /// Proves `accounts` with one batch of `eth_getProof` calls; for each account, how it differs from the alloc
    /// (`nil` when it does not).
    private static func prove(_ accounts: [Account], root: [UInt8], rpc: JSONRPCClient) async throws(JSONRPCError) -> [String?] {
        let answers = try await rpc.batch(accounts.map { account in
            (method: "eth_getProof", params: [JSONValue.string(account.address.description), .array([]), genesisBlock])
        })
        var found: [String?] = []
        for (account, answer) in zip(accounts, answers) {
            found.append(try await difference(account, answer.mapError(refusedProof).get(), root: root, rpc: rpc))
        }
        return found
    }

    /// `error` with advice for a node that refuses a proof at block 0 for a reason of its own (not an unknown method
    /// or bad parameters, whose generic advice fits): most often, it no longer holds that state.
    static func refusedProof(_ error: JSONRPCError) -> JSONRPCError {
        guard case .rpc(let code, _, _) = error.failure, code != -32601, code != -32602 else { return error }
        var error = error
        error.hint = "the node may no longer hold block 0's state (a node that is not an archive node keeps only its "
            + "recent blocks' state): check its pruning settings, or run verify --rpc-url soon after ./up.sh"
        return error
    }

    /// How the account the proof `json` shows differs from the alloc's `account`, `nil` when it does not.
    private static func difference(_ account: Account, _ json: JSONValue, root: [UInt8], rpc: JSONRPCClient) async throws(JSONRPCError) -> String? {
        let provenAccount: TrieAccount?
        do {
            provenAccount = try AccountProof(json: json, address: account.address).verified(against: root)
        } catch {
            return error.description
        }
        guard let provenAccount else { return "\(account.address) is absent from the node's state" }
        let storageRoot = StateRoot.storageRoot(account.storage)
        var differences = provenAccount.differences(from: account, storageRoot: storageRoot)
        if differences.isEmpty { return nil }
        if provenAccount.storageRoot != storageRoot {
            differences.append(try await differingSlots(account, rpc: rpc))
        }
        return "\(account.address): " + differences.joined(separator: ", ")
    }

    /// Which of the alloc's slots (the first `maxAskedSlots`) the node answers with another value. The values are
    /// the node's answers, not proven: they only point at where the proven storage roots differ.
    private static func differingSlots(_ account: Account, rpc: JSONRPCClient) async throws(JSONRPCError) -> String {
        let asked = account.storage.keys.sorted { $0.lexicographicallyPrecedes($1) }.prefix(maxAskedSlots)
        guard !asked.isEmpty else { return "the node holds storage the alloc does not have" }
        let json: JSONValue
        do {
            json = try await rpc.call("eth_getProof", params: [
                JSONValue.string(account.address.description), .array(asked.map { JSONValue.string(Hex.encode($0)) }), genesisBlock,
            ])
        } catch {
            throw refusedProof(error)
        }
        guard let proof = try? AccountProof(json: json, address: account.address) else {
            return "the node's answer for its slots is malformed"
        }
        let answered = Dictionary(proof.storageValues.map { ($0.slot, $0.value) }) { first, _ in first }
        let differing = asked.filter { answered[$0] != account.storage[$0] }
        let scope = asked.count < account.storage.count ? "the first \(asked.count) of the alloc's \(account.storage.count) slots"
            : "the alloc's \(asked.count) slots"
        guard !differing.isEmpty else {
            return "\(scope) read the same on the node, so it holds slots the alloc does not have"
        }
        let listed = differing.prefix(listedSlots).map { slot in
            let value = answered[slot].map(\.hexQuantity) ?? "no value"
            return "slot \(Hex.encode(slot)) is \(value) on the node, \(account.storage[slot]?.hexQuantity ?? "0x0") in the alloc"
        }
        let more = differing.count > listed.count ? " and \(differing.count - listed.count) more of \(scope)" : ""
        return listed.joined(separator: ", ") + more
    }
}
