/// Why a Merkle-Patricia proof does not prove anything about its key.
public enum MerkleProofError: Error, Equatable, CustomStringConvertible {
    /// The walk from the root needs the node with hash `hash` (at `depth` nodes below the root) and the proof has
    /// none: the proof does not hash-link to the root it is checked against.
    case missingNode(hash: [UInt8], depth: Int)
    /// The node at `depth` is not a trie node (not canonical RLP, or not a branch, extension or leaf).
    case malformedNode(depth: Int, reason: String)

    public var description: String {
        switch self {
        case .missingNode(let hash, let depth):
            depth == 0
                ? "the proof has no node hashing to the root \(hash.hexString); it was made for another trie (another block's state?)"
                : "the proof has no node with hash \(hash.hexString) at depth \(depth); its nodes do not link up to the root"
        case .malformedNode(let depth, let reason):
            "proof node at depth \(depth) is not a trie node: \(reason)"
        }
    }
}
