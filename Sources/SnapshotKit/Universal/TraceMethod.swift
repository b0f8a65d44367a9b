/// A JSON-RPC call that lists, per transaction of a block, the accounts and storage slots it changed.
public enum TraceMethod: String, Sendable, CaseIterable {
    /// `debug_traceBlockByNumber` with the `prestateTracer` in diff mode: per transaction `{txHash, result: {pre,
    /// post}}`; an account or slot in `pre` or `post` was changed (a slot in `pre` but not in `post` was cleared).
    case prestateDiff
    /// `trace_replayBlockTransactions` with `["stateDiff"]`: per transaction `{stateDiff: {address: {balance, nonce,
    /// code, storage: {slot: delta}}}, …}`, each delta `"="`, `{"+": v}`, `{"-": v}` or `{"*": {from, to}}`.
    case stateDiff

    /// The JSON-RPC method name.
    public var methodName: String {
        switch self {
        case .prestateDiff: "debug_traceBlockByNumber"
        case .stateDiff: "trace_replayBlockTransactions"
        }
    }

    /// What the user reads in messages: the call and its tracer.
    public var label: String {
        switch self {
        case .prestateDiff: "debug_traceBlockByNumber (prestateTracer, diffMode)"
        case .stateDiff: "trace_replayBlockTransactions (stateDiff)"
        }
    }

    /// The parameters that trace block `number`.
    public func params(block number: UInt64) -> [JSONValue] {
        let block = JSONValue.string(BlockTag.hex(number))
        switch self {
        case .prestateDiff:
            return [block, .object([("tracer", .string("prestateTracer")), ("tracerConfig", .object([("diffMode", .bool(true))]))])]
        case .stateDiff:
            return [block, .array([.string("stateDiff")])]
        }
    }

    /// Every address and slot the answer for block `number` shows as changed, transaction after transaction.
    ///
    /// A slot shows as cleared only on positive evidence: in a prestate diff, a slot in `pre` of an account that is
    /// in `post` without that slot; in a state diff, a slot whose new value is zero (`{"*": {to: 0}}`, `{"+": 0}`) or
    /// whose account was deleted (`{"-": …}`). Anything else a trace names counts as written, so an answer shape this
    /// reader does not know only costs a proof.
    func changes(in result: JSONValue, block number: UInt64) throws(UniversalSourceError) -> BlockChanges {
        guard let transactions = result.arrayValue else {
            throw .malformedTrace(block: number, method: methodName, reason: "expected an array with one entry per transaction")
        }
        var changes = BlockChanges()
        for (index, transaction) in transactions.enumerated() {
            func fail(_ reason: String) -> UniversalSourceError {
                .malformedTrace(block: number, method: methodName, reason: "transaction \(index): \(reason)")
            }
            if let error = transaction["error"], !error.isNull {
                throw fail("the node could not trace it: \(error.stringValue ?? JSONWriter.string(error))")
            }
            switch self {
            case .prestateDiff:
                // geth and Besu wrap each diff as {txHash, result}; accept a bare {pre, post} as well.
                let diff = transaction["result"] ?? transaction
                guard let pre = diff["pre"]?.objectValue, let post = diff["post"]?.objectValue else {
                    throw fail("no pre and post objects (does the node ignore tracerConfig.diffMode?)")
                }
                var after: [(address: Address, slots: [(slot: [UInt8], value: JSONValue?)])] = []
                var kept: [Address: Set<[UInt8]>] = [:]
                for (key, account) in post {
                    let entry = try Self.slots(key, account, fail: fail)
                    after.append(entry)
                    kept[entry.address, default: []].formUnion(entry.slots.map(\.slot))
                }
                for (key, account) in pre {
                    let (address, slots) = try Self.slots(key, account, fail: fail)
                    changes.touch(address)
                    for (slot, _) in slots {
                        if let left = kept[address], !left.contains(slot) {
                            changes.clear(address, slot: slot)
                        } else {
                            changes.write(address, slot: slot)
                        }
                    }
                }
                for (address, slots) in after {
                    changes.touch(address)
                    for (slot, value) in slots {
                        if value?.stringValue.flatMap(AccountProof.word)?.isZero == true {
                            changes.clear(address, slot: slot)
                        } else {
                            changes.write(address, slot: slot)
                        }
                    }
                }
            case .stateDiff:
                guard let diff = transaction["stateDiff"]?.objectValue else { throw fail("no stateDiff object") }
                for (key, account) in diff {
                    let (address, slots) = try Self.slots(key, account, fail: fail)
                    changes.touch(address)
                    for (slot, delta) in slots {
                        if Self.clears(delta) {
                            changes.clear(address, slot: slot)
                        } else {
                            changes.write(address, slot: slot)
                        }
                    }
                }
            }
        }
        return changes
    }

    /// The address `key` names and the entries of `account`'s `storage` object: each slot with its value as text
    /// (prestate) or its delta (state diff).
    private static func slots(_ key: String, _ account: JSONValue, fail: (String) -> UniversalSourceError)
        throws(UniversalSourceError) -> (address: Address, slots: [(slot: [UInt8], value: JSONValue?)]) {
        guard let address = try? Address(hex: key) else { throw fail("\"\(key)\" is not an address") }
        guard let storage = account["storage"], !storage.isNull else { return (address, []) }
        guard let entries = storage.objectValue else { throw fail("the storage of \(key) is not an object") }
        var slots: [(slot: [UInt8], value: JSONValue?)] = []
        slots.reserveCapacity(entries.count)
        for (slotText, value) in entries {
            guard let slot = AccountProof.word(slotText) else { throw fail("storage slot \"\(slotText)\" of \(key) is not a hex word") }
            slots.append((slot.bigEndianBytes, value))
        }
        return (address, slots)
    }

    /// Whether a state-diff storage delta leaves the slot zero: `{"-": old}`, `{"+": 0}` or `{"*": {"to": 0}}`.
    private static func clears(_ delta: JSONValue?) -> Bool {
        guard let delta else { return false }
        if delta["-"] != nil { return true }
        let new = delta["+"] ?? delta["*"]?["to"]
        return new?.stringValue.flatMap(AccountProof.word)?.isZero == true
    }
}

/// Block numbers as JSON-RPC quantities.
enum BlockTag {
    /// `0x1a`: the minimal hex quantity.
    static func hex(_ number: UInt64) -> String { "0x" + String(number, radix: 16) }
}
