import SnapshotKit

/// geth's `debug_accountRange` over a `FakeTracingChain`, answered as `FakeGethDump` describes (accounts without
/// address preimage listed under `pre(…)` when `incompletes` is asked for, storage slots without preimage collapsed).
public struct FakeGethRanges: Sendable {
    /// Accounts whose address preimage the node lacks (as without `--cache.preimages`).
    public var missingAccountPreimages: Set<Address>
    /// Storage slots (32 bytes) whose preimage the node lacks.
    public var missingStoragePreimages: Set<[UInt8]>

    public init(missingAccountPreimages: Set<Address> = [], missingStoragePreimages: Set<[UInt8]> = []) {
        self.missingAccountPreimages = missingAccountPreimages
        self.missingStoragePreimages = missingStoragePreimages
    }

    /// The answer to `method`, or `nil` when it is not `debug_accountRange`.
    public func answer(_ method: String, _ params: [JSONValue], chain: FakeTracingChain) throws -> JSONValue? {
        guard method == "debug_accountRange" else { return nil }
        guard params.count == 6, let start = params[1].stringValue.flatMap({ try? [UInt8](hex: $0) }),
              let max = params[2].scalarText.flatMap({ Int($0) }), let skipCode = params[3].boolValue,
              let skipStorage = params[4].boolValue, let incompletes = params[5].boolValue else {
            throw JSONRPCTestServer.RPCFailure(code: -32602, message: "invalid arguments")
        }
        guard let block = FakeTracingNode.block(params[0], in: chain) else {
            throw JSONRPCTestServer.RPCFailure(code: -32000, message: "block not found")
        }
        guard let state = block.state else {
            throw JSONRPCTestServer.RPCFailure(code: -32000, message: "missing trie node (state of block \(block.number) is not available)")
        }
        let dump = FakeGethDump(skipCode: skipCode, skipStorage: skipStorage, onlyWithAddresses: !incompletes, start: start,
                                max: max <= 0 || max > FakeGethMethods.maxResults ? FakeGethMethods.maxResults : max,
                                missingAccountPreimages: missingAccountPreimages, missingStoragePreimages: missingStoragePreimages)
        return dump.json(of: FakeWorldState(Array(state.values)))
    }
}
