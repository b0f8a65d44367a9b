/// Reads a genesis `alloc` object into accounts, accepting every encoding geth's `types.Account` accepts and the
/// ones ethereum/tests and state dumps use.
///
/// Addresses with or without `0x`, in any letter case. `balance` and `nonce` as JSON numbers, decimal strings or
/// `0x` hex; a missing balance is zero, and the legacy `wei` member stands for `balance`. `code` as hex with or
/// without `0x`. Storage keys and values as hex with or without `0x`, short or 32-byte, odd digit counts allowed
/// (storage is always hex, as in geth: `"10"` is sixteen); zero values are dropped. Other members (`secretKey`,
/// `privateKey`, comments) are ignored. Member names match in any letter case, as Go's decoder does.
public enum GenesisAlloc {
    /// The accounts of an `alloc` object, in document order.
    public static func accounts(from json: JSONValue) throws(GenesisError) -> [Account] {
        guard let members = json.objectValue else { throw .invalidField(field: "alloc", reason: "expected an object") }
        var accounts: [Account] = []
        accounts.reserveCapacity(members.count)
        var seen = Set<Address>(minimumCapacity: members.count)
        for (key, value) in members {
            let account = try account(key: key, json: value)
            guard seen.insert(account.address).inserted else { throw .duplicateAccount(account.address) }
            accounts.append(account)
        }
        return accounts
    }

    /// One account from its alloc key (the address) and value.
    public static func account(key: String, json: JSONValue) throws(GenesisError) -> Account {
        let address: Address
        do { address = try Address(hex: key) } catch { throw .invalidField(field: "alloc key", reason: error.description) }
        let field = "alloc \(key)"
        guard json.objectValue != nil else { throw .invalidField(field: field, reason: "expected an object") }
        func present(_ name: String) -> JSONValue? {
            guard let value = json[name], !value.isNull else { return nil }
            return value
        }
        var balance = UInt256.zero
        if let value = present("balance") ?? present("wei") {
            do { balance = try Quantity.uint256(value, field: "\(field) balance") } catch { throw .invalidQuantity(error) }
        }
        var nonce: UInt64 = 0
        if let value = present("nonce") {
            do { nonce = try Quantity.uint64(value, field: "\(field) nonce") } catch { throw .invalidQuantity(error) }
        }
        var code: [UInt8] = []
        if let value = present("code") {
            guard let text = value.stringValue else { throw .invalidField(field: "\(field) code", reason: "expected a hex string") }
            do { code = try Hex.decode(text) } catch { throw .invalidField(field: "\(field) code", reason: error.description) }
        }
        var storage: [[UInt8]: UInt256] = [:]
        if let value = present("storage") {
            storage = try self.storage(value, field: "\(field) storage")
        }
        return Account(address: address, nonce: nonce, balance: balance, code: code, storage: storage)
    }

    /// The account of an alloc value in the plain form `FlatJSONObject` reads, exactly as `account(key:json:)` reads
    /// it, without building a `JSONValue`; `nil` when the value is not plain, has other members, or holds something
    /// `account(key:json:)` must reject (it then says why).
    static func plainAccount(address: Address, bytes: UnsafeBufferPointer<UInt8>, scratch: inout FlatJSONObject) -> Account? {
        typealias Plain = PlainValueDecoding
        guard scratch.parse(bytes) else { return nil }
        var balance = UInt256.zero, nonce: UInt64 = 0, code: [UInt8] = []
        var storage: [[UInt8]: UInt256] = [:]
        for member in scratch.members {
            let name = bytes[member.name], value = bytes[member.value]
            if Plain.isName(name, "balance") {
                guard member.kind != .object, let parsed = Plain.quantity(value, isNumber: member.kind == .number) else { return nil }
                balance = parsed
            } else if Plain.isName(name, "nonce") {
                guard member.kind != .object, let parsed = Plain.quantity(value, isNumber: member.kind == .number)?.uint64Value else { return nil }
                nonce = parsed
            } else if Plain.isName(name, "code") {
                guard member.kind == .string, let parsed = Plain.bytes(value) else { return nil }
                code = parsed
            } else if Plain.isName(name, "storage") {
                guard member.kind == .object else { return nil }
                storage.reserveCapacity(member.pairs.count)
                for pair in scratch.pairs[member.pairs] {
                    guard let slot = Plain.word(bytes[pair.key]), let word = Plain.word(bytes[pair.value]),
                          storage.updateValue(word, forKey: slot.bigEndianBytes) == nil else { return nil }
                }
            } else {
                return nil
            }
        }
        return Account(address: address, nonce: nonce, balance: balance, code: code, storage: storage)
    }

    /// A storage object: slot (left-padded to 32 bytes) → nonzero value.
    static func storage(_ json: JSONValue, field: String) throws(GenesisError) -> [[UInt8]: UInt256] {
        guard let members = json.objectValue else { throw .invalidField(field: field, reason: "expected an object") }
        var storage: [[UInt8]: UInt256] = [:]
        storage.reserveCapacity(members.count)
        var slots = Set<[UInt8]>(minimumCapacity: members.count)
        for (key, value) in members {
            guard let slot = storageWord(key) else {
                throw .invalidField(field: field, reason: "slot \"\(key)\" is not hex of at most 32 bytes")
            }
            guard slots.insert(slot.bigEndianBytes).inserted else {
                throw .invalidField(field: field, reason: "slot \(Hex.encode(slot.bigEndianBytes)) appears more than once")
            }
            guard let text = value.stringValue, let word = storageWord(text) else {
                throw .invalidField(field: "\(field) \(key)", reason: "value is not a hex string of at most 32 bytes")
            }
            if !word.isZero { storage[slot.bigEndianBytes] = word }
        }
        return storage
    }

    /// A storage key or value: hex with or without `0x`, at most 64 digits after leading zeros; empty is zero.
    static func storageWord(_ text: String) -> UInt256? {
        let digits = Hex.stripPrefix(text)
        return digits.isEmpty ? .zero : UInt256(hex: digits)
    }
}
