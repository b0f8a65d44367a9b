import SnapshotKit

/// Why geth's `debug_accountRange` cannot give the complete state, with the node flag that fixes it.
public enum AccountRangeError: Error, Equatable, CustomStringConvertible {
    /// The node does not serve the `debug` namespace over HTTP.
    case debugAPIDisabled(endpoint: String)
    /// The node no longer has the state of the pinned block (a pruning, non-archive node).
    case historicalStateUnavailable(block: UInt64, nodeMessage: String)
    /// The node does not know the pinned block.
    case blockNotFound(block: UInt64, hash: [UInt8])
    /// The node has no address preimage for an account: it did not record preimages from `geth init` on.
    case missingAccountPreimage(hashedAddress: [UInt8], block: UInt64)
    /// An account's storage as returned does not hash to the account's storage root: slots without preimage were
    /// left out (or the node's database is damaged).
    case incompleteStorage(address: Address, returnedSlots: Int, block: UInt64)
    /// An account's code is missing or does not hash to its code hash.
    case missingCode(address: Address, codeHash: [UInt8])
    /// An answer that is not a geth state dump.
    case malformedAnswer(String)

    public var description: String {
        switch self {
        case .debugAPIDisabled(let endpoint):
            "the node at \(endpoint) does not serve debug_accountRange — start geth with the debug API on its HTTP endpoint (--http.api=eth,net,web3,debug)"
        case .historicalStateUnavailable(let block, let message):
            "geth no longer has the state of block \(block) (\"\(message)\") — run it as an archive node (--gcmode=archive, which also keeps preimages) or snapshot the head block"
        case .blockNotFound(let block, let hash):
            "geth does not know block \(block) (\(Hex.encode(hash))) — was the chain reorganised? run again to pin the current head"
        case .missingAccountPreimage(let hashedAddress, let block):
            "geth has no address preimage for the account with hashed address \(Hex.encode(hashedAddress)) at block \(block), so the state cannot be read completely — run geth with preimages recorded from `geth init` on (--cache.preimages, or --gcmode=archive which implies it); preimages missed earlier cannot be recovered"
        case .incompleteStorage(let address, let slots, let block):
            "the storage of \(address.checksummed) at block \(block) came back incomplete (\(slots) slots that do not hash to its storage root): geth lacks storage-slot preimages — run geth with preimages recorded from `geth init` on (--cache.preimages, or --gcmode=archive which implies it)"
        case .missingCode(let address, let codeHash):
            "geth returned no code matching code hash \(Hex.encode(codeHash)) for \(address.checksummed) — its database is incomplete; resync the node"
        case .malformedAnswer(let reason):
            "debug_accountRange answered something that is not a geth state dump: \(reason) — is the node geth?"
        }
    }
}
