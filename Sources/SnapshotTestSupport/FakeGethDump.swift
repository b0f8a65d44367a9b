import Foundation
import SnapshotKit

/// geth's state dump (`state.Dump`, built by `StateDB.DumpToCollector`) over a fake world state: the result of
/// `debug_accountRange` and `debug_dumpBlock`.
///
/// Faithful to geth in the details a reader can trip on:
/// - iteration in hashed-address order from the first key at or after `start`;
/// - `max` counts only the accounts returned; when it is reached, `next` is the key of the following trie entry
///   (whether or not its preimage is known), base64 as Go writes a `[]byte`, absent when the state is exhausted;
/// - an account without address preimage is skipped when `onlyWithAddresses`, else reported under the key
///   `pre(0x<hashed address>)` with no `address` member;
/// - a storage slot without preimage is written under the zero slot (geth's `BytesToHash(nil)`), so such slots
///   overwrite one another and the real slot 0 in storage-trie order: effectively dropped;
/// - `accounts` and `storage` members sorted by key (Go marshals maps sorted), account members in struct order,
///   `code` and `storage` left out when empty, balances as decimal strings, storage values as unprefixed hex.
struct FakeGethDump {
    var skipCode = false
    var skipStorage = false
    var onlyWithAddresses = true
    /// Hashed address to start at (a shorter key is a prefix, as geth's trie seek treats it).
    var start: [UInt8] = []
    /// Accounts returned at most; 0 means no limit.
    var max = 0
    var missingAccountPreimages: Set<Address> = []
    var missingStoragePreimages: Set<[UInt8]> = []

    /// The dump of `state` as geth's JSON.
    func json(of state: FakeWorldState) -> JSONValue {
        var accounts: [(key: String, value: JSONValue)] = []
        var next: [UInt8]?
        var index = state.firstIndex(atOrAfter: start)
        while index < state.entries.count {
            let entry = state.entries[index]
            index += 1
            let hasPreimage = !missingAccountPreimages.contains(entry.account.address)
            if !hasPreimage && onlyWithAddresses { continue }
            let key = hasPreimage ? entry.account.address.checksummed : "pre(\(Hex.encode(entry.hashedAddress)))"
            accounts.append((key, account(entry, withAddress: hasPreimage)))
            if max > 0 && accounts.count >= max {
                if index < state.entries.count { next = state.entries[index].hashedAddress }
                break
            }
        }
        accounts.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        var members: [(key: String, value: JSONValue)] = [
            ("root", .string(Hex.encode(state.stateRoot, prefixed: false))),
            ("accounts", .object(accounts)),
        ]
        if let next { members.append(("next", .string(Data(next).base64EncodedString()))) }
        return .object(members)
    }

    private func account(_ entry: FakeWorldState.Entry, withAddress: Bool) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("balance", .string(entry.account.balance.decimalString)),
            ("nonce", .integer(entry.account.nonce)),
            ("root", .string(Hex.encode(entry.storageRoot))),
            ("codeHash", .string(Hex.encode(entry.codeHash))),
        ]
        if !skipCode && !entry.account.code.isEmpty { members.append(("code", .string(Hex.encode(entry.account.code)))) }
        if !skipStorage {
            let storage = storageMembers(entry)
            if !storage.isEmpty { members.append(("storage", .object(storage))) }
        }
        if withAddress { members.append(("address", .string(entry.account.address.checksummed))) }
        members.append(("key", .string(Hex.encode(entry.hashedAddress))))
        return .object(members)
    }

    /// Slot → unprefixed hex value, with slots lacking a preimage collapsed onto the zero slot as geth does.
    private func storageMembers(_ entry: FakeWorldState.Entry) -> [(key: String, value: JSONValue)] {
        var storage: [String: String] = [:]
        if missingStoragePreimages.isEmpty {
            for (slot, value) in entry.account.storage { storage[Hex.encode(slot)] = Hex.encode(value.trimmedBytes, prefixed: false) }
        } else {
            let zeroSlot = Hex.encode([UInt8](repeating: 0, count: 32))
            for item in entry.storageInTrieOrder {
                let key = missingStoragePreimages.contains(item.slot) ? zeroSlot : Hex.encode(item.slot)
                storage[key] = Hex.encode(item.value.trimmedBytes, prefixed: false)
            }
        }
        return storage.sorted { $0.key < $1.key }.map { (key: $0.key, value: .string($0.value)) }
    }
}
