/// The fields of the node's block 0 (`eth_getBlockByNumber("0x0", false)`) the checks compare; `nil` when missing
/// or malformed.
struct NodeGenesisBlock {
    let hash: [UInt8]?
    let stateRoot: [UInt8]?
    /// Why the answer is unusable, when it is: `null` (no block 0) or not a block object.
    let problem: String?

    init(json: JSONValue) {
        func word(_ field: String) -> [UInt8]? {
            guard let text = json[field]?.stringValue, let bytes = try? Hex.decode(text), bytes.count == 32 else { return nil }
            return bytes
        }
        hash = word("hash")
        stateRoot = word("stateRoot")
        problem = json.isNull ? "the node has no block 0" : json.objectValue == nil ? "the node's block 0 is not a block object" : nil
    }
}
