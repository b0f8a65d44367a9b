import SnapshotKit

/// Besu's range methods over a `FakeTracingChain`, answered as Besu 26 answers them (`DebugAccountRange`,
/// `DebugStorageRangeAt`, `DebugStorageRangeAtResult`):
///
/// - `debug_accountRange(block, txIndex, startKeyHash, maxResults)` lists the state *after* the block: `{addressMap:
///   {keccak(address): address}, nextKey}`, the map in no particular order (here: descending), `nextKey` the zero hash
///   when done; an account without address preimage is listed as the zero address; an unknown block or state gives an
///   empty map and no `nextKey`.
/// - `debug_storageRangeAt(block, txIndex, address, startKeyHash, limit)` reads the block's *parent* state, with the
///   block's transactions up to `txIndex` replayed when the block has one there (system calls are not replayed):
///   `{storage: {keccak(slot): {key, value}}, nextKey, complete}`, `key` left out without preimage, `nextKey` left out
///   when complete. An account absent from that state fails with "Internal error", as Besu's null account does.
/// - On a Bonsai database both fail with -32603 "Internal error" (Besu's `RuntimeException("storage format do not
///   provide account streaming.")` turned into an error response).
public struct FakeBesuRanges: Sendable {
    /// Besu's `--data-storage-format`.
    public enum StorageFormat: Sendable {
        case forest
        case bonsai
    }

    public var storageFormat: StorageFormat
    /// Accounts whose address preimage the node lacks (as after a snap sync).
    public var missingAccountPreimages: Set<Address>
    /// Storage slots (32 bytes) whose preimage the node lacks.
    public var missingStoragePreimages: Set<[UInt8]>

    public init(storageFormat: StorageFormat, missingAccountPreimages: Set<Address> = [], missingStoragePreimages: Set<[UInt8]> = []) {
        self.storageFormat = storageFormat
        self.missingAccountPreimages = missingAccountPreimages
        self.missingStoragePreimages = missingStoragePreimages
    }

    typealias Failure = JSONRPCTestServer.RPCFailure

    static let internalError = Failure(code: -32603, message: "Internal error")

    /// The answer to `method`, or `nil` when it is not one of Besu's range methods.
    public func answer(_ method: String, _ params: [JSONValue], chain: FakeTracingChain) throws -> JSONValue? {
        switch method {
        case "debug_accountRange":
            guard params.count == 4, let start = params[2].stringValue.flatMap({ UInt256(hex: $0) }),
                  let max = params[3].scalarText.flatMap({ Int($0) }) else {
                throw Failure(code: -32602, message: "Invalid params")
            }
            guard storageFormat == .forest else { throw Self.internalError }
            guard let block = FakeTracingNode.block(params[0], in: chain), let state = block.state else {
                return .object([("addressMap", .object([]))])
            }
            return accountRange(of: state, from: start.bigEndianBytes, max: max)
        case "debug_storageRangeAt":
            guard params.count == 5, let index = params[1].scalarText.flatMap({ Int($0) }),
                  let text = params[2].stringValue, let address = try? Address(hex: text),
                  let start = params[3].stringValue.flatMap({ UInt256(hex: $0) }),
                  let limit = params[4].scalarText.flatMap({ Int($0) }) else {
                throw Failure(code: -32602, message: "Invalid params")
            }
            guard storageFormat == .forest else { throw Self.internalError }
            let empty = JSONValue.object([("storage", .object([])), ("complete", .bool(true))])
            guard let block = FakeTracingNode.block(params[0], in: chain), block.number > 0,
                  var state = chain.blocks[Int(block.number) - 1].state else { return empty }
            if index < block.transactionEdits.count {
                for edits in block.transactionEdits[...index] {
                    for edit in edits { FakeTracingChain.apply(edit, to: &state) }
                }
            }
            guard let account = state[address] else { throw Self.internalError }
            return storageRange(of: account, from: start.bigEndianBytes, limit: limit)
        default:
            return nil
        }
    }

    private func accountRange(of state: [Address: Account], from start: [UInt8], max: Int) -> JSONValue {
        let entries = state.keys.map { (hash: Keccak256.hash($0.bytes), address: $0) }
            .filter { !$0.hash.lexicographicallyPrecedes(start) }
            .sorted { $0.hash.lexicographicallyPrecedes($1.hash) }
        let page = entries.prefix(max)
        let next = entries.count > max ? entries[max].hash : [UInt8](repeating: 0, count: 32)
        let map = page.reversed().map { entry -> (String, JSONValue) in
            let listed = missingAccountPreimages.contains(entry.address) ? Address.zero : entry.address
            return (entry.hash.hexString, .string(listed.description))
        }
        return .object([("addressMap", .object(map)), ("nextKey", .string(next.hexString))])
    }

    private func storageRange(of account: Account, from start: [UInt8], limit: Int) -> JSONValue {
        let entries = account.storage.map { (hash: Keccak256.hash($0.key), slot: $0.key, value: $0.value) }
            .filter { !$0.hash.lexicographicallyPrecedes(start) }
            .sorted { $0.hash.lexicographicallyPrecedes($1.hash) }
        let page = entries.prefix(limit)
        var members: [(String, JSONValue)] = [("storage", .object(page.map { entry in
            var fields: [(String, JSONValue)] = []
            if !missingStoragePreimages.contains(entry.slot) { fields.append(("key", .string(entry.slot.hexString))) }
            fields.append(("value", .string(entry.value.bigEndianBytes.hexString)))
            return (entry.hash.hexString, .object(fields))
        }))]
        if entries.count > limit { members.append(("nextKey", .string(entries[limit].hash.hexString))) }
        members.append(("complete", .bool(entries.count <= limit)))
        return .object(members)
    }
}
