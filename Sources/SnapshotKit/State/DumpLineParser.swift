import Foundation

/// Reads the account lines of a dump (`DumpStateSource` describes the format) a chunk at a time: every line decoded
/// into an account — straight from its bytes when it is in the plain form, with `JSONParser` otherwise — and checked
/// (its `key` is keccak of its address, the accounts ascend, `codeHash` and storage `root` are matched by what the
/// line holds). Chunks are independent, so several are read at once; the order across chunks is checked by whoever
/// puts them back in sequence, with the first and last keys a chunk reports.
struct DumpLineParser {
    let path: String
    let requirements: [NodeRequirement]
    /// Reused by every plain line.
    private var scratch = FlatJSONObject()
    private var previousKey: [UInt8]?
    private var firstKey: (key: [UInt8], address: Address, line: Int)?

    init(path: String, requirements: [NodeRequirement]) {
        self.path = path
        self.requirements = requirements
    }

    /// The accounts of `chunk`, checked. A line that fails ends the chunk with its error (`failure`), kept with the
    /// first account read before it, so that an order problem across chunks on an earlier line is reported first.
    static func parse(_ chunk: DumpChunk, path: String, requirements: [NodeRequirement]) -> DumpChunk.Accounts {
        var parser = DumpLineParser(path: path, requirements: requirements)
        var accounts: [Account] = []
        accounts.reserveCapacity(chunk.lines.count)
        var storageSlots = 0
        var failure: (any Error)?
        do {
            for line in chunk.lines {
                let account = try parser.account(chunk.bytes[line.range], number: line.number)
                storageSlots += account.storage.count
                accounts.append(account)
            }
        } catch {
            failure = error
        }
        return DumpChunk.Accounts(accounts: accounts, storageSlots: storageSlots, fraction: chunk.fraction,
                                  first: parser.firstKey, lastKey: parser.previousKey, failure: failure)
    }

    /// The account on line `number`, its order checked against the line before in the same chunk.
    mutating func account(_ line: ArraySlice<UInt8>, number: Int) throws -> Account {
        if let plain = line.withUnsafeBufferPointer({ plainAccount($0) }) {
            try checkOrder(key: plain.key, address: plain.account.address, line: number)
            if let codeHash = plain.codeHash, let error = missingCode(plain.account, codeHash: codeHash, line: number, requirements) { throw error }
            if let root = plain.root, let error = missingStorage(plain.account, root: root, line: number, requirements) { throw error }
            return plain.account
        }
        let json: JSONValue
        do { json = try JSONParser.parse(Array(line)) } catch { throw failure(number, "not JSON: \(error.reason)") }
        guard json.objectValue != nil else { throw failure(number, "expected one account object per line") }
        let key = try hash(json, "key", line: number)
        guard let addressText = json["address"]?.stringValue else {
            let which = key.map { "the account with key \(Hex.encode($0))" } ?? "an account"
            throw StateVerificationError.incomplete(
                reason: "\(path) line \(number) lists \(which) without its address, so it cannot go into a genesis alloc",
                requirements: requirements)
        }
        let address: Address
        do { address = try Address(hex: addressText) } catch { throw failure(number, error.description) }
        try checkOrder(key: key, address: address, line: number)

        let account = Account(
            address: address,
            nonce: try quantity(json, "nonce", line: number) { value, field throws(Quantity.ParseError) in try Quantity.uint64(value, field: field) } ?? 0,
            balance: try quantity(json, "balance", line: number) { value, field throws(Quantity.ParseError) in try Quantity.uint256(value, field: field) } ?? .zero,
            code: try code(json, line: number),
            storage: try storage(json, line: number))
        if let codeHash = try hash(json, "codeHash", line: number), let error = missingCode(account, codeHash: codeHash, line: number, requirements) {
            throw error
        }
        if let root = try hash(json, "root", line: number), let error = missingStorage(account, root: root, line: number, requirements) {
            throw error
        }
        return account
    }

    /// A line in the plain form `FlatJSONObject` reads, with only a dump's members, decoded straight from its bytes;
    /// `nil` for anything else, which the JSON path then reads (and explains).
    private mutating func plainAccount(_ line: UnsafeBufferPointer<UInt8>) -> (account: Account, key: [UInt8]?, codeHash: [UInt8]?, root: [UInt8]?)? {
        typealias Plain = PlainValueDecoding
        guard scratch.parse(line) else { return nil }
        var address: Address?, key: [UInt8]?, codeHash: [UInt8]?, root: [UInt8]?
        var balance = UInt256.zero, nonce: UInt64 = 0, code: [UInt8] = []
        var storage: [[UInt8]: UInt256] = [:]
        for member in scratch.members {
            let name = line[member.name], value = line[member.value]
            if member.kind == .object {
                guard Plain.isName(name, "storage") else { return nil }
                storage.reserveCapacity(member.pairs.count)
                for pair in scratch.pairs[member.pairs] {
                    guard let slot = Plain.word(line[pair.key]), let word = Plain.word(line[pair.value]),
                          storage.updateValue(word, forKey: slot.bigEndianBytes) == nil else { return nil }
                }
            } else if Plain.isName(name, "balance") {
                guard let parsed = Plain.quantity(value, isNumber: member.kind == .number) else { return nil }
                balance = parsed
            } else if Plain.isName(name, "nonce") {
                guard let parsed = Plain.quantity(value, isNumber: member.kind == .number)?.uint64Value else { return nil }
                nonce = parsed
            } else if member.kind != .string {
                return nil
            } else if Plain.isName(name, "address") {
                guard let parsed = Plain.address(value) else { return nil }
                address = parsed
            } else if Plain.isName(name, "key") {
                guard let parsed = Plain.hash(value) else { return nil }
                key = parsed
            } else if Plain.isName(name, "code") {
                guard let parsed = Plain.bytes(value) else { return nil }
                code = parsed
            } else if Plain.isName(name, "codeHash") {
                guard let parsed = Plain.hash(value) else { return nil }
                codeHash = parsed
            } else if Plain.isName(name, "root") {
                guard let parsed = Plain.hash(value) else { return nil }
                root = parsed
            } else {
                return nil
            }
        }
        guard let address else { return nil }
        return (Account(address: address, nonce: nonce, balance: balance, code: code, storage: storage), key, codeHash, root)
    }

    /// Checks that `key`, when given, is keccak(address), and that the account comes after the previous one of the
    /// chunk; the first account's hashed key is kept for the check across chunks (`orderFailure`).
    private mutating func checkOrder(key: [UInt8]?, address: Address, line number: Int) throws(DumpError) {
        let hashed = Keccak256.hash(address.bytes)
        if let key, key != hashed {
            throw failure(number, "key \(Hex.encode(key)) is not keccak256 of address \(address) (\(Hex.encode(hashed)))")
        }
        if let previousKey, !previousKey.lexicographicallyPrecedes(hashed) {
            throw Self.orderFailure(path: path, line: number, key: hashed, address: address, previousKey: previousKey)
        }
        if firstKey == nil { firstKey = (hashed, address, number) }
        previousKey = hashed
    }

    /// The error for an account whose hashed `key` does not come after `previousKey`, the key on the line before.
    static func orderFailure(path: String, line: Int, key: [UInt8], address: Address, previousKey: [UInt8]) -> DumpError {
        let problem = previousKey == key ? "lists account \(address) twice" : "is not sorted by key"
        return DumpError(
            path: path, line: line,
            reason: "the dump \(problem): key \(Hex.encode(key)) of \(address) does not come after "
                + "\(Hex.encode(previousKey)) on the line before — a dump must list accounts in ascending key order, "
                + "as `dump --iterative` writes them; sort the lines by their \"key\"")
    }

    /// The error for an account whose `codeHash` says it has code the line does not hold.
    private func missingCode(_ account: Account, codeHash: [UInt8], line number: Int, _ requirements: [NodeRequirement]) -> (any Error)? {
        guard account.code.isEmpty, codeHash != Keccak256.emptyHash else { return nil }
        return StateVerificationError.incomplete(
            reason: "\(path) line \(number): account \(account.address) has code (codeHash \(Hex.encode(codeHash))) but the dump holds none",
            requirements: requirements)
    }

    /// The error for an account whose storage `root` says it has storage the line does not hold.
    private func missingStorage(_ account: Account, root: [UInt8], line number: Int, _ requirements: [NodeRequirement]) -> (any Error)? {
        guard account.storage.isEmpty, root != MerklePatriciaTrie.emptyRoot else { return nil }
        return StateVerificationError.incomplete(
            reason: "\(path) line \(number): account \(account.address) has storage (root \(Hex.encode(root))) but the dump holds none",
            requirements: requirements)
    }

    private func quantity<T>(_ json: JSONValue, _ name: String, line: Int,
                             _ parse: (JSONValue, String) throws(Quantity.ParseError) -> T) throws(DumpError) -> T? {
        guard let value = json[name], !value.isNull else { return nil }
        do { return try parse(value, name) } catch { throw failure(line, error.description) }
    }

    private func code(_ json: JSONValue, line: Int) throws(DumpError) -> [UInt8] {
        guard let value = json["code"], !value.isNull else { return [] }
        guard let text = value.stringValue else { throw failure(line, "code is not a hex string") }
        do { return try Hex.decode(text) } catch { throw failure(line, "code: \(error.description)") }
    }

    private func storage(_ json: JSONValue, line: Int) throws(DumpError) -> [[UInt8]: UInt256] {
        guard let value = json["storage"], !value.isNull else { return [:] }
        do {
            return try GenesisAlloc.storage(value, field: "storage")
        } catch .invalidField(let field, let reason) {
            throw failure(line, "\(field): \(reason)")
        } catch {
            throw failure(line, "storage: \(error)")
        }
    }

    /// A 32-byte hex member, `nil` when absent.
    private func hash(_ json: JSONValue, _ name: String, line: Int) throws(DumpError) -> [UInt8]? {
        guard let value = json[name], !value.isNull else { return nil }
        guard let text = value.stringValue, let bytes = try? Hex.decode(text), bytes.count == 32 else {
            throw failure(line, "\(name) is not 32 bytes of hex")
        }
        return bytes
    }

    private func failure(_ line: Int?, _ reason: String) -> DumpError {
        DumpError(path: path, line: line, reason: reason)
    }
}
