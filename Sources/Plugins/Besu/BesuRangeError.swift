import SnapshotKit

/// Why Besu's range methods cannot give the complete state, with the node flag that fixes it.
public enum BesuRangeError: Error, Equatable, CustomStringConvertible {
    /// The node does not serve the `DEBUG` namespace over HTTP.
    case debugAPIDisabled(endpoint: String)
    /// `debug_accountRange` answered "Internal error": Besu's way of saying its database is Bonsai (the default),
    /// which cannot list accounts.
    case bonsaiStorage
    /// `debug_accountRange` answered nothing at all: Besu does not know the block or no longer has its state.
    case stateUnavailable(block: UInt64)
    /// An account's address preimage is unknown to the node (a snap-synced database has none).
    case missingAccountPreimage(hashedAddress: [UInt8], block: UInt64)
    /// A storage slot's preimage is unknown to the node.
    case missingStoragePreimage(address: Address, hashedSlot: [UInt8])
    /// `debug_storageRangeAt` failed for an account that has storage.
    case storageUnreadable(address: Address, nodeMessage: String)
    /// The slots listed do not rebuild the account's proven storage root.
    case incompleteStorage(address: Address, slotsRead: Int, computedRoot: [UInt8], expectedRoot: [UInt8])
    /// `debug_accountRange` listed an account that `eth_getProof` proves absent.
    case listedAccountAbsent(address: Address, block: UInt64)
    /// `eth_getCode` returned code that does not hash to the proven code hash.
    case codeHashMismatch(address: Address, expected: [UInt8], actual: [UInt8])
    /// An answer that is not of Besu's shape.
    case malformedAnswer(method: String, reason: String)

    public var description: String {
        switch self {
        case .debugAPIDisabled(let endpoint):
            "the node at \(endpoint) does not serve debug_accountRange — start besu with the DEBUG API on its HTTP "
                + "endpoint (--rpc-http-api=ETH,NET,WEB3,DEBUG,TRACE)"
        case .bonsaiStorage:
            "besu answered debug_accountRange with \"Internal error\", which is how it says its Bonsai database (the "
                + "default) cannot list accounts — only a node started with --data-storage-format=FOREST can"
        case .stateUnavailable(let block):
            "besu returned no accounts for block \(block): it does not know the block or no longer has its state — "
                + "snapshot a block the node still has, on a node started with --data-storage-format=FOREST"
        case .missingAccountPreimage(let hashedAddress, let block):
            "besu has no address preimage for the account with hashed address \(Hex.encode(hashedAddress)) at block "
                + "\(block) (a snap-synced database records none) — use a node that imported every block from genesis"
        case .missingStoragePreimage(let address, let hashedSlot):
            "besu has no preimage for the storage slot with hashed key \(Hex.encode(hashedSlot)) of \(address) — use a "
                + "node that imported every block from genesis"
        case .storageUnreadable(let address, let message):
            "besu could not list the storage of \(address) (\"\(message)\")"
        case .incompleteStorage(let address, let slotsRead, let computedRoot, let expectedRoot):
            "the storage of \(address) is incomplete: \(slotsRead) slots listed, storage root "
                + "\(computedRoot.hexString) ≠ \(expectedRoot.hexString)"
        case .listedAccountAbsent(let address, let block):
            "besu listed \(address) at block \(block) but its eth_getProof proves the account absent; the node is inconsistent"
        case .codeHashMismatch(let address, let expected, let actual):
            "the code eth_getCode returned for \(address) hashes to \(actual.hexString), not to its proven code hash "
                + "\(expected.hexString); the node answered for another block"
        case .malformedAnswer(let method, let reason):
            "\(method) answered something that is not Besu's shape: \(reason) — is the node besu?"
        }
    }
}

extension BesuRangeError: StateCompletenessError {
    /// A Bonsai database, a missing preimage or storage the range methods cannot list or that does not rebuild its
    /// root: this source cannot read the complete state here, though another source may. The rest are node set-up
    /// problems or a node that contradicts itself.
    public var isIncompleteState: Bool {
        switch self {
        case .bonsaiStorage, .missingAccountPreimage, .missingStoragePreimage, .storageUnreadable, .incompleteStorage: true
        case .debugAPIDisabled, .stateUnavailable, .listedAccountAbsent, .codeHashMismatch, .malformedAnswer: false
        }
    }
}
