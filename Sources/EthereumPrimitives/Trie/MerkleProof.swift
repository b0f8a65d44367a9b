/// Verification of Merkle-Patricia trie proofs, such as the `accountProof` and `storageProof` of `eth_getProof`
/// (EIP-1186).
///
/// A proof is a set of RLP-encoded trie nodes. The walk starts at the node whose Keccak-256 hash is the trusted root
/// and follows the key's nibbles; every node it reaches by hash must be in the set, so a proof that does not hash-link
/// to the root proves nothing and is rejected. The order of the nodes does not matter, nodes embedded in their parent
/// (shorter than 32 bytes) need not be listed, and nodes off the path are ignored.
public enum MerkleProof {
    /// The value stored under `key` in the trie whose root hash is `root`, as `proof` shows it; `nil` when the proof
    /// shows that nothing is stored under `key` (the path ends at an empty branch slot or at a diverging extension or
    /// leaf). For the state and storage tries, `key` is the Keccak-256 hash of the address or slot.
    public static func value(forKey key: [UInt8], root: [UInt8], proof: [[UInt8]]) throws(MerkleProofError) -> [UInt8]? {
        if root == MerklePatriciaTrie.emptyRoot { return nil }
        var nodes: [[UInt8]: [UInt8]] = [:]
        nodes.reserveCapacity(proof.count)
        for node in proof { nodes[Keccak256.hash(node)] = node }

        let nibbles = nibbles(of: key)
        var position = 0
        var reference = RLPItem.bytes(root)
        var depth = 0
        while true {
            let node: [RLPItem]
            switch reference {
            case .bytes(let hash) where hash.isEmpty:
                return nil
            case .bytes(let hash) where hash.count == 32:
                guard let encoded = nodes[hash] else { throw .missingNode(hash: hash, depth: depth) }
                node = try decodeNode(encoded, depth: depth)
            case .bytes(let other):
                throw .malformedNode(
                    depth: depth, reason: "a child reference of \(other.count) bytes (expected a 32-byte hash or an embedded node)")
            case .list(let embedded):
                node = embedded
            }

            switch node.count {
            case 17:
                if position == nibbles.count {
                    guard case .bytes(let value) = node[16] else {
                        throw .malformedNode(depth: depth, reason: "a branch value that is a list")
                    }
                    return value.isEmpty ? nil : value
                }
                reference = node[Int(nibbles[position])]
                position += 1
            case 2:
                guard case .bytes(let encodedPath) = node[0], case let (path, isLeaf)? = decodeHexPrefix(encodedPath) else {
                    throw .malformedNode(depth: depth, reason: "a path that is not hex-prefix encoded")
                }
                let remaining = nibbles[position...]
                if isLeaf {
                    guard case .bytes(let value) = node[1], !value.isEmpty else {
                        throw .malformedNode(depth: depth, reason: "a leaf without a value")
                    }
                    return remaining.elementsEqual(path) ? value : nil
                }
                guard !path.isEmpty else { throw .malformedNode(depth: depth, reason: "an extension with an empty path") }
                guard remaining.starts(with: path) else { return nil }
                position += path.count
                reference = node[1]
            default:
                throw .malformedNode(
                    depth: depth, reason: "a list of \(node.count) items (expected 17 for a branch, 2 for an extension or leaf)")
            }
            depth += 1
        }
    }

    /// The node's items, or an error when it is not canonical RLP of a list.
    private static func decodeNode(_ encoded: [UInt8], depth: Int) throws(MerkleProofError) -> [RLPItem] {
        let item: RLPItem
        do { item = try RLP.decode(encoded) } catch { throw .malformedNode(depth: depth, reason: error.description) }
        guard case .list(let items) = item else { throw .malformedNode(depth: depth, reason: "a byte string, not a list") }
        return items
    }

    /// The nibbles of `bytes`, high half first.
    private static func nibbles(of bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(2 * bytes.count)
        for byte in bytes {
            out.append(byte >> 4)
            out.append(byte & 0x0f)
        }
        return out
    }

    /// The nibbles and leaf flag of a hex-prefix encoded path; `nil` when the flag nibble or padding is invalid.
    private static func decodeHexPrefix(_ encoded: [UInt8]) -> (path: [UInt8], isLeaf: Bool)? {
        guard let first = encoded.first else { return nil }
        let flag = first >> 4
        guard flag <= 3 else { return nil }
        let isOdd = flag & 1 == 1
        if !isOdd && first & 0x0f != 0 { return nil }
        var path: [UInt8] = isOdd ? [first & 0x0f] : []
        path.append(contentsOf: nibbles(of: Array(encoded.dropFirst())))
        return (path, flag >= 2)
    }
}
