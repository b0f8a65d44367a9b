import Foundation
import SnapshotKit

/// One answer of `debug_accountRange`, normalised and checked.
///
/// geth's answer (`state.Dump`) is `{root, accounts, next}`: `accounts` maps the EIP-55 address to `{balance
/// (decimal string), nonce (number), root, codeHash, code (0x hex, left out when empty), storage (0x slot → hex value
/// without 0x, leading zeros trimmed, left out when empty), address, key}`, sorted by address text, not by key;
/// `next` is the hashed address of the first account not returned, base64 (a Go `[]byte`), absent at the end. An
/// account whose address preimage geth lacks appears, when `incompletes` is on, under `pre(0x<hashed address>)`
/// without `address`.
///
/// Each account's storage is checked against its storage root and its code against its code hash, so a node that
/// drops storage slots without preimage (geth does so silently) is caught at the account, not only by the final
/// state-root check.
struct AccountRangePage: Sendable {
    /// The accounts with their hashed addresses, ascending.
    let accounts: [(key: UInt256, account: Account)]
    /// Where the next page starts; `nil` when the state is exhausted.
    let next: UInt256?

    /// Reads an answer at block number `block`; `withCodeAndStorage` says whether code and storage were asked for
    /// (only then are they checked against the code hash and storage root).
    init(_ result: JSONValue, block: UInt64, withCodeAndStorage: Bool = true) throws(AccountRangeError) {
        guard result.objectValue != nil else { throw .malformedAnswer("expected an object, got \(JSONWriter.string(result).prefix(80))") }
        var accounts: [(key: UInt256, account: Account)] = []
        switch result["accounts"] {
        case .object(let members)?:
            accounts.reserveCapacity(members.count)
            for (name, value) in members {
                accounts.append(try Self.account(name: name, json: value, block: block, verify: withCodeAndStorage))
            }
        case .null?, nil:
            break
        case let other?:
            throw .malformedAnswer("\"accounts\" is not an object: \(JSONWriter.string(other).prefix(80))")
        }
        accounts.sort { $0.key < $1.key }
        self.accounts = accounts
        next = try Self.nextKey(result["next"])
    }

    /// The hashed address of `next`: base64 as geth writes it, or `0x` hex as some geth-compatible nodes do. One in
    /// 4,096 base64 keys starts with `0x` too: only 64 hex digits after it are read as hex.
    private static func nextKey(_ json: JSONValue?) throws(AccountRangeError) -> UInt256? {
        guard let json, !json.isNull else { return nil }
        guard let text = json.stringValue else { throw .malformedAnswer("\"next\" is not a string") }
        if text.isEmpty || text == "0x" { return nil }
        let hex = text.hasPrefix("0x") && text.utf8.count == 66 ? try? [UInt8](hex: text) : nil
        let bytes = hex ?? Data(base64Encoded: text).map { [UInt8]($0) }
        guard let bytes, bytes.count == 32, let key = UInt256(bigEndian: bytes) else {
            throw .malformedAnswer("\"next\" is not a 32-byte key: \(text)")
        }
        return key
    }

    private static func account(name: String, json: JSONValue, block: UInt64, verify: Bool) throws(AccountRangeError) -> (key: UInt256, account: Account) {
        guard json.objectValue != nil else { throw .malformedAnswer("account \(name) is not an object") }
        guard let addressText = json["address"]?.stringValue else {
            throw .missingAccountPreimage(hashedAddress: hashedAddress(name: name, json: json), block: block)
        }
        let address: Address
        do { address = try Address(hex: addressText) } catch { throw .malformedAnswer(error.description) }
        let field = "account \(address.checksummed)"
        func present(_ member: String) -> JSONValue? {
            guard let value = json[member], !value.isNull else { return nil }
            return value
        }
        do {
            let balance = try present("balance").map { value throws(Quantity.ParseError) in try Quantity.uint256(value, field: "\(field) balance") } ?? .zero
            let nonce = try present("nonce").map { value throws(Quantity.ParseError) in try Quantity.uint64(value, field: "\(field) nonce") } ?? 0
            let code = try hexBytes(present("code"), field: "\(field) code") ?? []
            let storage = try present("storage").map { value throws(AccountRangeError) in try self.storage(value, field: field) } ?? [:]
            let account = Account(address: address, nonce: nonce, balance: balance, code: code, storage: storage)
            if verify { try self.verify(account, json: json, field: field, block: block) }
            return (UInt256(bigEndian: Keccak256.hash(address.bytes))!, account)
        } catch let error as Quantity.ParseError {
            throw .malformedAnswer(error.description)
        } catch let error as AccountRangeError {
            throw error
        } catch {
            throw .malformedAnswer("\(field): \(error)")
        }
    }

    /// Slot → value; slots are `0x` 32-byte hex, values hex without `0x` and with leading zeros trimmed.
    private static func storage(_ json: JSONValue, field: String) throws(AccountRangeError) -> [[UInt8]: UInt256] {
        guard let members = json.objectValue else { throw .malformedAnswer("\(field) storage is not an object") }
        var storage: [[UInt8]: UInt256] = [:]
        storage.reserveCapacity(members.count)
        for (slotText, valueJSON) in members {
            guard let slot = (try? [UInt8](hex: slotText)).flatMap({ UInt256(bigEndian: $0) }) else {
                throw .malformedAnswer("\(field) storage slot \(slotText) is not 32-byte hex")
            }
            guard let valueText = valueJSON.stringValue,
                  let value = valueText.isEmpty ? UInt256.zero : UInt256(hex: valueText) else {
                throw .malformedAnswer("\(field) storage value at \(slotText) is not hex")
            }
            if !value.isZero { storage[slot.bigEndianBytes] = value }
        }
        return storage
    }

    /// Checks the code against `codeHash` and the storage against `root`, when the answer carries them.
    private static func verify(_ account: Account, json: JSONValue, field: String, block: UInt64) throws(AccountRangeError) {
        if let codeHash = try hexBytes(json["codeHash"], field: "\(field) codeHash") {
            let actual = account.code.isEmpty ? Keccak256.emptyHash : Keccak256.hash(account.code)
            if actual != codeHash { throw .missingCode(address: account.address, codeHash: codeHash) }
        }
        if let root = try hexBytes(json["root"], field: "\(field) root") {
            if StateRoot.storageRoot(account.storage) != root {
                throw .incompleteStorage(address: account.address, returnedSlots: account.storage.count, block: block)
            }
        }
    }

    /// The hashed address of an account reported without address: its `key`, else the `pre(0x…)` it is listed under.
    private static func hashedAddress(name: String, json: JSONValue) -> [UInt8] {
        if let key = json["key"]?.stringValue, let bytes = try? [UInt8](hex: key) { return bytes }
        let inner = name.hasPrefix("pre(") && name.hasSuffix(")") ? String(name.dropFirst(4).dropLast()) : name
        return (try? [UInt8](hex: inner)) ?? []
    }

    private static func hexBytes(_ json: JSONValue?, field: String) throws(AccountRangeError) -> [UInt8]? {
        guard let json, !json.isNull else { return nil }
        guard let text = json.stringValue, let bytes = try? [UInt8](hex: text) else {
            throw .malformedAnswer("\(field) is not hex")
        }
        return bytes
    }
}
