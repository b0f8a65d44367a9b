import SnapshotKit

/// Where Besu's `debug_storageRangeAt` lists the slots of the pinned block's accounts.
///
/// Besu reads that call's state from the block's *parent* and replays the block's transactions up to and including
/// `txIndex`; an index past the last transaction reads the parent's state as is (`DebugStorageRangeAt`,
/// `Tracer.processTracing`). So the exact state after block N is read through block N+1 with an index past its
/// transactions. When N is the head there is no N+1: the view is then block N after its last transaction (or N's
/// parent when N has none), which misses only what the block's system calls write — EIP-4788, EIP-2935, EIP-7002
/// and EIP-7251 slots, named by rule in `extraSlots`. The values are never taken from the view: they are read at
/// block N with `eth_getProof`, and each account's storage must rebuild its proven root.
struct BesuStorageView: Sendable, Equatable {
    /// The block `debug_storageRangeAt` names.
    let blockHash: [UInt8]
    let transactionIndex: Int
    /// Slots (32 bytes) the view may not list yet although block N wrote them, by account.
    let extraSlots: [Address: [[UInt8]]]

    /// The view for `block`: its child when the node has one, else the block itself.
    static func of(_ block: PinnedBlock, rpc: JSONRPCClient) async throws -> BesuStorageView {
        let child = try await rpc.call("eth_getBlockByNumber", params: [.string(Self.tag(block.number + 1)), .bool(false)])
        if child.objectValue != nil, child["parentHash"]?.stringValue.flatMap({ try? Hex.decode($0) }) == block.hash {
            guard let hash = child["hash"]?.stringValue.flatMap({ try? Hex.decode($0) }), hash.count == 32,
                  let transactions = child["transactions"]?.arrayValue else {
                throw BesuRangeError.malformedAnswer(method: "eth_getBlockByNumber", reason: "block \(block.number + 1) has no hash or transactions")
            }
            return BesuStorageView(blockHash: hash, transactionIndex: transactions.count, extraSlots: [:])
        }
        let pinned = try await rpc.call("eth_getBlockByHash", params: [.string(Hex.encode(block.hash)), .bool(false)])
        guard let transactions = pinned["transactions"]?.arrayValue else {
            throw BesuRangeError.stateUnavailable(block: block.number)
        }
        var extra: [Address: [[UInt8]]] = [:]
        for contract in SystemContract.allCases {
            extra[contract.address] = contract.slotsWritten(block: block.number, timestamp: block.timestamp).map(\.bigEndianBytes)
        }
        return BesuStorageView(blockHash: block.hash, transactionIndex: max(0, transactions.count - 1), extraSlots: extra)
    }

    /// `0x1a`: a block number as a JSON-RPC quantity.
    static func tag(_ number: UInt64) -> String { "0x" + String(number, radix: 16) }
}
