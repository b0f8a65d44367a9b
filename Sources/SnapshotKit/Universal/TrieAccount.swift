/// An account as the state trie stores it: the leaf `rlp([nonce, balance, storageRoot, codeHash])`.
public struct TrieAccount: Sendable, Equatable {
    public var nonce: UInt64
    public var balance: UInt256
    /// 32-byte root of the account's storage trie.
    public var storageRoot: [UInt8]
    /// 32-byte Keccak-256 hash of the account's code (`Keccak256.emptyHash` when it has none).
    public var codeHash: [UInt8]

    public init(nonce: UInt64, balance: UInt256, storageRoot: [UInt8], codeHash: [UInt8]) {
        self.nonce = nonce
        self.balance = balance
        self.storageRoot = storageRoot
        self.codeHash = codeHash
    }

    /// Decodes a state trie leaf; `nil` when it is not a canonical four-item account list.
    public init?(leaf: [UInt8]) {
        guard case .list(let items)? = try? RLP.decode(leaf), items.count == 4,
              case .bytes(let nonceBytes) = items[0], nonceBytes.count <= 8, nonceBytes.first != 0,
              case .bytes(let balanceBytes) = items[1], balanceBytes.count <= 32, balanceBytes.first != 0,
              let balance = UInt256(bigEndian: balanceBytes),
              case .bytes(let storageRoot) = items[2], storageRoot.count == 32,
              case .bytes(let codeHash) = items[3], codeHash.count == 32
        else { return nil }
        self.nonce = nonceBytes.reduce(0) { $0 << 8 | UInt64($1) }
        self.balance = balance
        self.storageRoot = storageRoot
        self.codeHash = codeHash
    }

    /// Whether the account has code.
    public var hasCode: Bool { codeHash != Keccak256.emptyHash }
}
