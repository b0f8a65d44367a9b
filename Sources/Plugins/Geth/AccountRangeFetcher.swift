import SnapshotKit

/// Sends `debug_accountRange` calls at one pinned block and turns node errors into `AccountRangeError`s that name
/// the missing node feature.
struct AccountRangeFetcher: Sendable {
    /// geth's `AccountRangeMaxResults`: larger requests are cut to it.
    static let maxResults = 256

    /// The accounts of one page that fall in the range asked for, and where the range goes on.
    struct RangePage: Sendable {
        let accounts: [(key: UInt256, account: Account)]
        /// The next key of the same range when the page did not reach the range's end.
        let continuation: UInt256?
    }

    let rpc: JSONRPCClient
    let block: PinnedBlock

    /// One call: `debug_accountRange(blockHash, start, maxResults, nocode, nostorage, incompletes)`. Incompletes are
    /// asked for so that accounts without address preimage show up (and fail) instead of being skipped silently.
    func page(from start: UInt256, maxResults: Int = maxResults, withCodeAndStorage: Bool = true) async throws -> AccountRangePage {
        let params: [JSONValue] = [
            .string(Hex.encode(block.hash)), .string(Hex.encode(start.bigEndianBytes)), .integer(maxResults),
            .bool(!withCodeAndStorage), .bool(!withCodeAndStorage), .bool(true),
        ]
        let result: JSONValue
        do {
            result = try await rpc.call("debug_accountRange", params: params)
        } catch {
            throw classified(error)
        }
        return try AccountRangePage(result, block: block.number, withCodeAndStorage: withCodeAndStorage)
    }

    /// The first page of `range`'s accounts from `range.start`, without those at or past the range's end.
    func page(of range: HashedKeyRange) async throws -> RangePage {
        let page = try await page(from: range.start)
        let accounts = page.accounts.filter { range.contains($0.key) }
        guard let next = page.next, range.contains(next) else { return RangePage(accounts: accounts, continuation: nil) }
        guard next > range.start, accounts.last.map({ next > $0.key }) ?? true else {
            throw AccountRangeError.malformedAnswer("\"next\" \(Hex.encode(next.bigEndianBytes)) does not come after the page it ends")
        }
        return RangePage(accounts: accounts, continuation: next)
    }

    /// The node's error in terms of what to fix, when it is one of the known ones; else the RPC error itself.
    func classified(_ error: JSONRPCError) -> any Error {
        guard case .rpc(let code, let message, _) = error.failure else { return error }
        let lowered = message.lowercased()
        if code == -32601 || lowered.contains("does not exist/is not available") {
            return AccountRangeError.debugAPIDisabled(endpoint: RedactedURL(error.endpoint).description)
        }
        let prunedStateMarkers = ["missing trie node", "historical state", "is not available", "state not available", "unavailable state"]
        if prunedStateMarkers.contains(where: lowered.contains) {
            return AccountRangeError.historicalStateUnavailable(block: block.number, nodeMessage: message)
        }
        if lowered.contains("block") && lowered.contains("not found") {
            return AccountRangeError.blockNotFound(block: block.number, hash: block.hash)
        }
        return error
    }
}
