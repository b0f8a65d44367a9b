import Foundation

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
    ///
    /// The sample is picked from the alloc streamed from `url` (on a thread of its own) in batches of `batchSize`,
    /// proven `concurrency` batches at a time as they are read; at most `concurrency` more wait read ahead.
    func checkAccounts(
        _ block: NodeGenesisBlock, _ genesis: Result<GenesisSummary, SnapshotVerificationError>, alloc url: URL,
        progress: StateProgressHandler?
    ) async throws -> VerificationCheck {
        let name = "node.accounts"
        guard case .success(let summary) = genesis else { return .failed(name, genesis.failureDescription) }
        guard let root = block.stateRoot else {
            return .failed(name, "\(block.problem ?? "the node's block 0 has no 32-byte stateRoot"): no state root to prove accounts against")
        }
        let size = sample.size(outOf: summary.accounts)
        let batches = sampleBatches(from: url, accounts: summary.accounts)
        var tally = ProofTally()
        do {
            try await forEachConcurrently(next: batches.next, limit: concurrency, operation: { [rpc] batch in
                try await Self.prove(batch.map(\.account), root: root, rpc: rpc)
            }, consume: { batch, found in
                for (pick, difference) in zip(batch, found) { tally.add(pick, difference: difference) }
                progress?(StateProgress(accounts: tally.proven, storageSlots: tally.slots,
                                        fraction: Double(tally.proven) / Double(max(1, size)), phase: "accounts"))
            })
        } catch let error as SnapshotVerificationError {
            return .failed(name, error.description)
        } catch let error as GenesisError {
            return .failed(name, SnapshotVerificationError.unreadable(path: "el/genesis.json", reason: error.description).description)
        }
        let scope = tally.proven == summary.accounts ? "all \(tally.proven)" : "\(tally.proven) of \(summary.accounts)"
        guard tally.differing > 0 else {
            return .passed(name, "\(scope) alloc accounts (\(tally.withStorage) with storage, \(tally.slots) slots) proven at block 0 "
                + "against the node's state root: balance, nonce, code hash and storage root as el/genesis.json's alloc says")
        }
        let more = tally.differing > tally.listed.count ? "; and \(tally.differing - tally.listed.count) more" : ""
        return .failed(name, "\(tally.differing) of \(tally.proven) proven accounts differ from el/genesis.json's alloc: "
            + tally.listed.map(\.text).joined(separator: "; ") + more)
    }

    /// The sample of the alloc at `url`, which holds `accounts` accounts (as its summary says), in batches of
    /// `batchSize`, read on a thread of its own no further than `concurrency` batches ahead of the proofs. A file that
    /// no longer holds that many accounts ends the batches with ``SnapshotVerificationError/unreadable(path:reason:)``.
    private func sampleBatches(from url: URL, accounts: Int) -> ThreadHandoff<[AccountSample.Pick]> {
        let sample = sample, batchSize = batchSize
        return ThreadHandoff(capacity: concurrency) { yield in
            var picker = AccountSample.Picker(sample, accounts: accounts)
            var batch: [AccountSample.Pick] = []
            // Pages are decoded on all cores; the picker sees the accounts in file order.
            try GenesisReader(contentsOf: url).forEachAccountPage(transform: \.accounts) { page in
                for account in page {
                    guard let pick = picker.offer(account) else { continue }
                    batch.append(pick)
                    if batch.count == batchSize {
                        try yield(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
            }
            guard picker.offered == accounts else {
                throw SnapshotVerificationError.unreadable(path: "el/genesis.json", reason:
                    "it changed while it was verified: it now holds \(picker.offered) alloc accounts, it held \(accounts)")
            }
            if !batch.isEmpty { try yield(batch) }
        }
    }

    /// What the proofs so far showed: counts, and the differing accounts listed in the detail — the first
    /// `listedAccounts` by alloc position, whatever order the batches finish in.
    private struct ProofTally {
        var proven = 0, withStorage = 0, slots = 0, differing = 0
        var listed: [(position: Int, text: String)] = []

        mutating func add(_ pick: AccountSample.Pick, difference: String?) {
            proven += 1
            slots += pick.account.storage.count
            if !pick.account.storage.isEmpty { withStorage += 1 }
            guard let difference else { return }
            differing += 1
            listed.insert((pick.position, difference), at: listed.firstIndex { $0.position > pick.position } ?? listed.endIndex)
            if listed.count > NodeVerifier.listedAccounts { listed.removeLast() }
        }
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
