/// Resolves a `BlockSelector` once to one block, by hash, so that every later read names that exact block.
public struct BlockPinner: Sendable {
    public let rpc: JSONRPCClient

    public init(rpc: JSONRPCClient) {
        self.rpc = rpc
    }

    /// The header fields of the selected block (`eth_getBlockByNumber` for tags and numbers, `eth_getBlockByHash`
    /// for a hash). Throws `BlockPinningError` when the node does not know the block, `JSONRPCError` when the call
    /// fails.
    public func pin(_ selector: BlockSelector) async throws -> PinnedBlock {
        let answer: JSONValue
        if let parameter = selector.blockNumberParameter {
            answer = try await rpc.call("eth_getBlockByNumber", params: [parameter, .bool(false)])
        } else if case .hash(let hash) = selector {
            answer = try await rpc.call("eth_getBlockByHash", params: [.string(Hex.encode(hash)), .bool(false)])
        } else {
            preconditionFailure("a selector is either a number parameter or a hash")
        }
        guard !answer.isNull else {
            throw BlockPinningError.blockNotFound(selector, head: await headNumber(when: selector))
        }
        let block = try PinnedBlock(header: answer)
        if case .hash(let hash) = selector, block.hash != hash {
            throw BlockPinningError.hashMismatch(requested: hash, returned: block.hash)
        }
        return block
    }

    /// The head's number, for the message about a number past it; `nil` when it is not that case or unknown.
    private func headNumber(when selector: BlockSelector) async -> UInt64? {
        guard case .number = selector, let head = try? await rpc.call("eth_blockNumber") else { return nil }
        return try? Quantity.uint64(head, field: "eth_blockNumber")
    }
}
