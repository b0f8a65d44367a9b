import SnapshotKit

/// One answer of Besu's `debug_accountRange(block, txIndex, startKeyHash, maxResults)`, checked.
///
/// Besu answers `{addressMap: {keccak(address): address}, nextKey}` (`DebugAccountRangeAtResult`): up to
/// `maxResults` accounts of the state after the block from `startKeyHash` on, in no particular order; `nextKey` is the
/// hashed address of the first account not returned, the zero hash when none is left. An account whose address
/// preimage Besu lacks is listed as the zero address. When the block or its state is unknown, the map is empty and
/// `nextKey` absent.
struct BesuAccountRangePage: Sendable {
    /// The accounts, ascending by hashed address.
    let accounts: [(hashedAddress: [UInt8], address: Address)]
    /// Where the next page starts; `nil` when the state is exhausted.
    let next: [UInt8]?

    static let method = "debug_accountRange"

    init(_ result: JSONValue, block: UInt64) throws(BesuRangeError) {
        func fail(_ reason: String) -> BesuRangeError { .malformedAnswer(method: Self.method, reason: reason) }
        guard let map = result["addressMap"]?.objectValue else { throw fail("no addressMap object") }
        let nextText = result["nextKey"].flatMap { $0.isNull ? nil : $0 }
        guard !(map.isEmpty && nextText == nil) else { throw .stateUnavailable(block: block) }
        var accounts: [(hashedAddress: [UInt8], address: Address)] = []
        accounts.reserveCapacity(map.count)
        for (key, value) in map {
            guard let hashed = try? Hex.decode(key), hashed.count == 32 else { throw fail("key \(key) is not a 32-byte hash") }
            guard let text = value.stringValue, let address = try? Address(hex: text) else {
                throw fail("the address of \(key) is not a 20-byte hex string")
            }
            if Keccak256.hash(address.bytes) != hashed {
                guard address == .zero else { throw fail("\(text) does not hash to its key \(key)") }
                throw .missingAccountPreimage(hashedAddress: hashed, block: block)
            }
            accounts.append((hashed, address))
        }
        accounts.sort { $0.hashedAddress.lexicographicallyPrecedes($1.hashedAddress) }
        guard let nextText else { throw fail("no nextKey") }
        guard let text = nextText.stringValue, let next = try? Hex.decode(text), next.count == 32 else {
            throw fail("nextKey is not a 32-byte hash")
        }
        if next.allSatisfy({ $0 == 0 }) {
            self.next = nil
        } else {
            if let last = accounts.last?.hashedAddress, !last.lexicographicallyPrecedes(next) {
                throw fail("nextKey \(text) does not come after the page it ends")
            }
            self.next = next
        }
        self.accounts = accounts
    }
}
