import SnapshotKit

/// What one transaction changed, rendered the way tracing nodes show it: geth's prestateTracer in diff mode and
/// OpenEthereum's `stateDiff` (as Besu, Nethermind, Reth and Erigon write it).
struct TransactionDiff {
    /// An address the transaction's edits name, with its state before and after (`nil`: no account) and the slots
    /// the edits wrote.
    private struct Change {
        let address: Address
        let before: Account?
        let after: Account?
        let slots: [[UInt8]]

        var changedSlots: [[UInt8]] {
            slots.filter { (before?.storage[$0] ?? .zero) != (after?.storage[$0] ?? .zero) }
        }

        var isModified: Bool {
            guard let before, let after else { return before != nil || after != nil }
            return before.balance != after.balance || before.nonce != after.nonce || before.code != after.code || !changedSlots.isEmpty
        }
    }

    private let changes: [Change]

    init(edits: [FakeTracingChain.Edit], before: [Address: Account], after: [Address: Account]) {
        var order: [Address] = []
        var slots: [Address: [[UInt8]]] = [:]
        func note(_ address: Address, _ slot: UInt256? = nil) {
            if slots[address] == nil { order.append(address); slots[address] = [] }
            if let slot, !slots[address]!.contains(slot.bigEndianBytes) { slots[address]!.append(slot.bigEndianBytes) }
        }
        for edit in edits {
            switch edit {
            case .credit(let address, _), .debit(let address, _), .bumpNonce(let address), .deploy(let address, _):
                note(address)
            case .store(let address, let slot, _):
                note(address, slot)
            case .destroy(let address, let beneficiary):
                note(address)
                for slot in before[address]?.storage.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) ?? [] {
                    note(address, UInt256(bigEndian: slot)!)
                }
                note(beneficiary)
            }
        }
        changes = order.map { Change(address: $0, before: before[$0], after: after[$0], slots: slots[$0]!) }
            .filter(\.isModified)
    }

    /// `{"pre": {…}, "post": {…}}`: `pre` holds the modified accounts that existed before (balance, nonce and code,
    /// and the changed slots' old non-zero values); `post` the ones that exist after, with the fields that changed
    /// (all fields for a new account) and the changed slots' new non-zero values.
    var prestateDiff: JSONValue {
        var pre: [(key: String, value: JSONValue)] = []
        var post: [(key: String, value: JSONValue)] = []
        for change in changes {
            let key = change.address.description
            let slots = change.changedSlots
            if let before = change.before {
                var fields: [(key: String, value: JSONValue)] = [("balance", .string(before.balance.hexQuantity))]
                if before.nonce != 0 { fields.append(("nonce", .integer(before.nonce))) }
                if !before.code.isEmpty { fields.append(("code", .string(before.code.hexString))) }
                let storage = Self.words(slots, in: before)
                if !storage.isEmpty { fields.append(("storage", .object(storage))) }
                pre.append((key, .object(fields)))
            }
            if let after = change.after {
                // A new account shows every field it has; an existing one the fields that changed.
                let old = change.before
                var fields: [(key: String, value: JSONValue)] = []
                if old == nil || after.balance != old?.balance { fields.append(("balance", .string(after.balance.hexQuantity))) }
                if after.nonce != (old?.nonce ?? 0) { fields.append(("nonce", .integer(after.nonce))) }
                if after.code != (old?.code ?? []) { fields.append(("code", .string(after.code.hexString))) }
                let storage = Self.words(slots, in: after)
                if !storage.isEmpty { fields.append(("storage", .object(storage))) }
                post.append((key, .object(fields)))
            }
        }
        return .object([("post", .object(post)), ("pre", .object(pre))])
    }

    /// `{address: {"balance": δ, "code": δ, "nonce": δ, "storage": {slot: δ}}}` with δ `"="`, `{"+": new}`,
    /// `{"-": old}` or `{"*": {"from": old, "to": new}}`; storage words as 32-byte hex.
    var stateDiff: JSONValue {
        .object(changes.map { change in
            let before = change.before
            let after = change.after
            func delta(_ old: String?, _ new: String?) -> JSONValue {
                switch (old, new) {
                case (nil, let new?): .object([("+", .string(new))])
                case (let old?, nil): .object([("-", .string(old))])
                case (let old?, let new?) where old == new: .string("=")
                case (let old?, let new?): .object([("*", .object([("from", .string(old)), ("to", .string(new))]))])
                case (nil, nil): .string("=")
                }
            }
            let storage: [(key: String, value: JSONValue)] = change.changedSlots.map { slot in
                let old = before.map { ($0.storage[slot] ?? .zero).bigEndianBytes.hexString }
                let new = after.map { ($0.storage[slot] ?? .zero).bigEndianBytes.hexString }
                return (slot.hexString, delta(old, new))
            }
            return (change.address.description, .object([
                ("balance", delta(before?.balance.hexQuantity, after?.balance.hexQuantity)),
                ("code", delta(before?.code.hexString, after?.code.hexString)),
                ("nonce", delta(before.map { UInt256($0.nonce).hexQuantity }, after.map { UInt256($0.nonce).hexQuantity })),
                ("storage", .object(storage)),
            ]))
        })
    }

    /// The non-zero values of `slots` in `account`, as 32-byte hex.
    private static func words(_ slots: [[UInt8]], in account: Account) -> [(key: String, value: JSONValue)] {
        slots.compactMap { slot in
            guard let value = account.storage[slot] else { return nil }
            return (slot.hexString, .string(value.bigEndianBytes.hexString))
        }
    }
}
