/// An `eth_getProof` answer (EIP-1186): an account's fields, the proof of its state-trie leaf, and the requested
/// storage values.
///
/// The account fields are taken from the proof, never from the answer's own fields: `verified(against:)` walks the
/// proof from the block's state root and returns the proven leaf (or proven absence), after checking that the
/// answer's fields agree with it. Storage values are read as answered; their completeness and correctness is checked
/// as a whole by recomputing the account's storage root.
public struct AccountProof: Sendable {
    public let address: Address
    /// RLP-encoded trie nodes from the state root towards `keccak(address)`.
    public let accountProof: [[UInt8]]
    public let balance: UInt256
    public let nonce: UInt64
    public let codeHash: [UInt8]
    public let storageHash: [UInt8]
    /// Requested slot (32 bytes) → value, zero values included, in answer order.
    public let storageValues: [(slot: [UInt8], value: UInt256)]

    /// Reads an answer to `eth_getProof(address, …)`.
    public init(json: JSONValue, address: Address) throws(AccountProofError) {
        func fail(_ reason: String) -> AccountProofError { .malformed(address: address, reason: reason) }
        guard json.objectValue != nil else { throw fail("expected an object") }
        if let answered = json["address"]?.stringValue, (try? Address(hex: answered)) != address {
            throw fail("it is for address \(answered)")
        }
        guard let nodes = json["accountProof"]?.arrayValue else { throw fail("no accountProof array") }
        var accountProof: [[UInt8]] = []
        accountProof.reserveCapacity(nodes.count)
        for node in nodes {
            guard let text = node.stringValue, let bytes = try? Hex.decode(text) else { throw fail("an accountProof node is not hex") }
            accountProof.append(bytes)
        }
        self.address = address
        self.accountProof = accountProof
        do {
            balance = try Quantity.uint256(json["balance"] ?? .null, field: "balance")
            nonce = try Quantity.uint64(json["nonce"] ?? .null, field: "nonce")
        } catch {
            throw fail(error.description)
        }
        codeHash = try Self.hash(json["codeHash"], field: "codeHash", address: address)
        storageHash = try Self.hash(json["storageHash"], field: "storageHash", address: address)
        var values: [(slot: [UInt8], value: UInt256)] = []
        for entry in json["storageProof"]?.arrayValue ?? [] {
            guard let key = entry["key"]?.stringValue, let slot = Self.word(key) else {
                throw fail("a storageProof key is not a 32-byte hex word")
            }
            guard let valueText = entry["value"]?.stringValue, let value = Self.word(valueText) else {
                throw fail("the storageProof value of slot \(key) is not a hex quantity")
            }
            values.append((slot.bigEndianBytes, value))
        }
        storageValues = values
    }

    /// The account as the proof shows it in the trie with root `stateRoot`, or `nil` when the proof shows it absent.
    public func verified(against stateRoot: [UInt8]) throws(AccountProofError) -> TrieAccount? {
        let leaf: [UInt8]?
        do {
            leaf = try MerkleProof.value(forKey: Keccak256.hash(address.bytes), root: stateRoot, proof: accountProof)
        } catch {
            throw .doesNotVerify(address: address, stateRoot: stateRoot, reason: error)
        }
        guard let leaf else {
            try agree("balance", balance.hexQuantity, "0x0")
            try agree("nonce", String(nonce), "0")
            return nil
        }
        guard let account = TrieAccount(leaf: leaf) else { throw .malformedLeaf(address: address) }
        try agree("balance", balance.hexQuantity, account.balance.hexQuantity)
        try agree("nonce", String(nonce), String(account.nonce))
        try agree("codeHash", codeHash.hexString, account.codeHash.hexString)
        try agree("storageHash", storageHash.hexString, account.storageRoot.hexString)
        return account
    }

    private func agree(_ field: String, _ claimed: String, _ proven: String) throws(AccountProofError) {
        guard claimed == proven else { throw .disagreesWithProof(address: address, field: field, claimed: claimed, proven: proven) }
    }

    /// A 32-byte hash field.
    private static func hash(_ value: JSONValue?, field: String, address: Address) throws(AccountProofError) -> [UInt8] {
        guard let text = value?.stringValue, let bytes = try? Hex.decode(text), bytes.count == 32 else {
            throw .malformed(address: address, reason: "\(field) is not a 32-byte hex string")
        }
        return bytes
    }

    /// A storage key or value: `0x` hex of at most 32 bytes, any number of digits (`0x0`, `0x01`, 64 digits).
    static func word(_ text: String) -> UInt256? {
        let digits = Hex.stripPrefix(text)
        guard digits.count != text.count else { return nil }
        return digits.isEmpty ? .zero : UInt256(hex: digits)
    }
}
