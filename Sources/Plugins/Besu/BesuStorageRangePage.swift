import SnapshotKit

/// One answer of Besu's `debug_storageRangeAt(block, txIndex, address, startKeyHash, limit)`, checked.
///
/// Besu answers `{storage: {keccak(slot): {key: slot, value}}, nextKey, complete}` (`DebugStorageRangeAtResult`):
/// up to `limit` slots from `startKeyHash` on; `nextKey` is the hashed key of the first slot not returned, absent when
/// `complete`. `key` is absent when Besu lacks the slot's preimage. Keys and values are 32-byte hex, or minimal hex in
/// Besu's short-values form; both are read.
struct BesuStorageRangePage: Sendable {
    /// The slots (32 bytes), ascending by hashed key.
    let slots: [[UInt8]]
    /// The hashed key the next page starts at; `nil` when the storage is exhausted.
    let next: [UInt8]?

    static let method = "debug_storageRangeAt"

    init(_ result: JSONValue, address: Address) throws(BesuRangeError) {
        func fail(_ reason: String) -> BesuRangeError { .malformedAnswer(method: Self.method, reason: "\(address): \(reason)") }
        guard let storage = result["storage"]?.objectValue else { throw fail("no storage object") }
        var slots: [(hashed: [UInt8], slot: [UInt8])] = []
        slots.reserveCapacity(storage.count)
        for (key, entry) in storage {
            guard let hashed = UInt256(hex: key)?.bigEndianBytes, Hex.stripPrefix(key).count != key.count else {
                throw fail("key \(key) is not a hex hash")
            }
            guard let text = entry["key"]?.stringValue else { throw .missingStoragePreimage(address: address, hashedSlot: hashed) }
            guard let slot = UInt256(hex: text)?.bigEndianBytes, Hex.stripPrefix(text).count != text.count else {
                throw fail("slot \(text) is not a hex word")
            }
            guard Keccak256.hash(slot) == hashed else { throw fail("slot \(text) does not hash to its key \(key)") }
            slots.append((hashed, slot))
        }
        slots.sort { $0.hashed.lexicographicallyPrecedes($1.hashed) }
        let complete = result["complete"]?.boolValue
        if let text = result["nextKey"]?.stringValue {
            guard let next = UInt256(hex: text)?.bigEndianBytes else { throw fail("nextKey \(text) is not a hex hash") }
            guard complete != true else { throw fail("complete, yet nextKey \(text)") }
            if let last = slots.last?.hashed, !last.lexicographicallyPrecedes(next) {
                throw fail("nextKey \(text) does not come after the page it ends")
            }
            self.next = next
        } else {
            guard complete != false else { throw fail("incomplete, yet no nextKey") }
            self.next = nil
        }
        self.slots = slots.map(\.slot)
    }
}
