/// Why the universal source cannot produce the state.
public enum UniversalSourceError: Error, Equatable, CustomStringConvertible {
    /// No original genesis was given: the source replays changes on top of it.
    case missingOriginalGenesis
    /// The genesis given is not the chain's: its alloc's state root differs from block 0's.
    case genesisMismatch(allocRoot: [UInt8], chainRoot: [UInt8])
    /// Neither tracing call works; `answers` holds what the node said to each, `remedy` what to enable.
    case noTracingAPI(answers: [String], remedy: String)
    /// Tracing one block failed.
    case traceFailed(block: UInt64, method: String, error: JSONRPCError)
    /// A trace answer is not of the expected shape.
    case malformedTrace(block: UInt64, method: String, reason: String)
    /// An `eth_getBlockByNumber` answer is not of the expected shape.
    case malformedBlock(block: UInt64, reason: String)
    /// An `eth_getProof` answer lacks a slot that was asked for.
    case missingStorageValue(address: Address, slot: [UInt8])
    /// `eth_getCode` returned code whose hash is not the proven code hash.
    case codeHashMismatch(address: Address, expected: [UInt8], actual: [UInt8])
    /// The slots read do not rebuild the proven storage root: some written slot was never named by a trace.
    case incompleteStorage(address: Address, slotsRead: Int, computedRoot: [UInt8], expectedRoot: [UInt8])

    public var description: String {
        switch self {
        case .missingOriginalGenesis:
            "the universal source needs the source chain's original genesis (pass --genesis-dir, or use an enclave whose "
                + "el_cl_genesis_data artefact holds genesis.json): it starts from the genesis alloc and adds what every block changed"
        case .genesisMismatch(let allocRoot, let chainRoot):
            "the original genesis given is not this chain's: its alloc has state root \(allocRoot.hexString) but the node's "
                + "block 0 has \(chainRoot.hexString) — pass the genesis.json the chain was started from"
        case .noTracingAPI(let answers, let remedy):
            "the node offers no usable tracing API (\(answers.joined(separator: "; "))) — \(remedy)"
        case .traceFailed(let block, let method, let error):
            "could not trace block \(block) with \(method): \(error.description)"
        case .malformedTrace(let block, let method, let reason):
            "the \(method) answer for block \(block) is not understood: \(reason)"
        case .malformedBlock(let block, let reason):
            "the eth_getBlockByNumber answer for block \(block) is not understood: \(reason)"
        case .missingStorageValue(let address, let slot):
            "the eth_getProof answer for \(address) has no value for the requested slot \(slot.hexString); "
                + "the node dropped part of the request"
        case .codeHashMismatch(let address, let expected, let actual):
            "the code eth_getCode returned for \(address) hashes to \(actual.hexString), not to its proven code hash "
                + "\(expected.hexString); the node answered for another block"
        case .incompleteStorage(let address, let slotsRead, let computedRoot, let expectedRoot):
            "storage of \(address) is incomplete: \(slotsRead) slots read, storage root \(computedRoot.hexString) ≠ "
                + "\(expectedRoot.hexString) — a slot was written that no trace reported"
        }
    }
}
