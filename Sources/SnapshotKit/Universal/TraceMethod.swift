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

    /// Every address and slot the answer for block `number` shows as changed.
    func touched(by result: JSONValue, block number: UInt64) throws(UniversalSourceError) -> TouchedState {
        guard let transactions = result.arrayValue else {
            throw .malformedTrace(block: number, method: methodName, reason: "expected an array with one entry per transaction")
        }
        var touched = TouchedState()
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
                for (key, account) in pre + post { try Self.add(key, account, to: &touched, fail: fail) }
            case .stateDiff:
                guard let diff = transaction["stateDiff"]?.objectValue else { throw fail("no stateDiff object") }
                for (key, account) in diff { try Self.add(key, account, to: &touched, fail: fail) }
            }
        }
        return touched
    }

    /// Adds an address and the keys of its `storage` object.
    private static func add(_ key: String, _ account: JSONValue, to touched: inout TouchedState,
                            fail: (String) -> UniversalSourceError) throws(UniversalSourceError) {
        guard let address = try? Address(hex: key) else { throw fail("\"\(key)\" is not an address") }
        touched.insert(address)
        guard let storage = account["storage"], !storage.isNull else { return }
        guard let slots = storage.objectValue else { throw fail("the storage of \(key) is not an object") }
        for (slotText, _) in slots {
            guard let slot = AccountProof.word(slotText) else { throw fail("storage slot \"\(slotText)\" of \(key) is not a hex word") }
            touched.insert(address, slot: slot.bigEndianBytes)
        }
    }
}

/// Block numbers as JSON-RPC quantities.
enum BlockTag {
    /// `0x1a`: the minimal hex quantity.
    static func hex(_ number: UInt64) -> String { "0x" + String(number, radix: 16) }
}
