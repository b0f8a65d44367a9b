/// Why the block to snapshot could not be pinned.
public enum BlockPinningError: Error, Equatable, CustomStringConvertible {
    /// `--block` is not a tag, number or hash.
    case invalidSelector(String)
    /// The node does not know the block.
    case blockNotFound(BlockSelector, head: UInt64?)
    /// The node answered with a block whose header lacks a field or holds an unusable value.
    case malformedHeader(field: String, reason: String)
    /// The node answered a request for one hash with another block.
    case hashMismatch(requested: [UInt8], returned: [UInt8])

    public var description: String {
        switch self {
        case .invalidSelector(let text):
            "--block \"\(text)\" is not a block: use latest, finalized, safe, a block number, or a 0x block hash of 64 hex digits"
        case .blockNotFound(let selector, let head):
            switch selector {
            case .finalized, .safe:
                "the node has no \(selector) block yet — wait until the chain finalizes, or pass --block latest or a block number"
            case .number(let number):
                "the node has no block \(number)" + (head.map { " (its head is block \($0))" } ?? "")
                    + " — pass a number at or below the head, or --block latest"
            case .hash(let hash):
                "the node has no block with hash \(Hex.encode(hash)) — check the hash, and that the node is on the same chain"
            case .latest:
                "the node returned no latest block — is it synced and serving JSON-RPC?"
            }
        case .malformedHeader(let field, let reason):
            "the node's block header has an unusable \(field): \(reason) — is --rpc-url an execution client's JSON-RPC endpoint?"
        case .hashMismatch(let requested, let returned):
            "asked for block \(Hex.encode(requested)) the node returned block \(Hex.encode(returned)) — the node is not answering consistently"
        }
    }
}
