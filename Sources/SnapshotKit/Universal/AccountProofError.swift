/// Why an `eth_getProof` answer cannot be used.
public enum AccountProofError: Error, Equatable, CustomStringConvertible {
    /// The answer is not an EIP-1186 proof object.
    case malformed(address: Address, reason: String)
    /// The account proof does not verify against the block's state root.
    case doesNotVerify(address: Address, stateRoot: [UInt8], reason: MerkleProofError)
    /// The proof verifies, but its leaf is not an account.
    case malformedLeaf(address: Address)
    /// The answer's `field` says `claimed` while the proven leaf says `proven`.
    case disagreesWithProof(address: Address, field: String, claimed: String, proven: String)

    public var description: String {
        switch self {
        case .malformed(let address, let reason):
            "the eth_getProof answer for \(address) is malformed: \(reason)"
        case .doesNotVerify(let address, let stateRoot, let reason):
            "the eth_getProof answer for \(address) does not verify against state root \(stateRoot.hexString): \(reason) "
                + "— the node answered for another block or its proof is corrupt"
        case .malformedLeaf(let address):
            "the eth_getProof answer for \(address) proves a leaf that is not an account (rlp [nonce, balance, storageRoot, codeHash])"
        case .disagreesWithProof(let address, let field, let claimed, let proven):
            "the eth_getProof answer for \(address) says \(field) \(claimed) but its proof says \(proven); the node is inconsistent"
        }
    }
}
