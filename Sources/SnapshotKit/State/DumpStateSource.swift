import Foundation

/// The state from a JSON-lines state dump, the format of `dump --iterative`: a first line `{"root": "0x…"}`, then
/// one account per line in ascending key (keccak(address)) order:
///
///     {"balance":"<decimal>","nonce":N,"root":"0x…","codeHash":"0x…","code":"0x…","storage":{"0x<slot>":"<hex>"},"address":"0x…","key":"0x…"}
///
/// `code` and `storage` are left out when empty; storage values are hex without `0x`, leading zeros trimmed. The file
/// is read line by line and handed on in pages as read, so memory is bounded by one page. The root line is the
/// state root the accounts must reproduce (`root(of:)`).
public struct DumpStateSource: StateSource {
    public let url: URL
    /// Accounts per page.
    public let pageSize: Int
    /// The longest account line read: geth's dump puts an account's whole storage on one line, so this is what the
    /// largest contract needs. A longer line fails the read with a message naming the bound.
    public let maximumLineBytes: Int
    /// The default line bound, 256 MiB: a contract with about two million storage slots.
    public static let defaultMaximumLineBytes = 256 << 20

    public init(url: URL, pageSize: Int = 256, maximumLineBytes: Int = defaultMaximumLineBytes) {
        self.url = url
        self.pageSize = max(1, pageSize)
        self.maximumLineBytes = maximumLineBytes
    }

    public var name: String { "state dump" }

    /// A dump reproduces the state only if the node knew every address and slot, and nothing was left out.
    public var requirements: [NodeRequirement] {
        [
            NodeRequirement(
                id: "preimages",
                summary: "address and storage-slot preimages on the dumping node",
                remedy: "dump a node that recorded preimages from its first block on (a dump leaves out accounts and merges slots whose preimage is missing)"),
            NodeRequirement(
                id: "complete-dump",
                summary: "a whole dump, with code and storage",
                remedy: "dump without --nocode, --nostorage, --start or --limit"),
        ]
    }

    /// Reads the root line, so a file that is not a dump fails before any work.
    public func checkRequirements(at block: PinnedBlock) async throws {
        _ = try Self.root(of: url)
    }

    /// The state root on the dump's first line.
    public static func root(of url: URL) throws(DumpError) -> [UInt8] {
        let reader = try DumpReader(url: url, pageSize: 1, maximumLineBytes: defaultMaximumLineBytes)
        return try reader.readRoot()
    }

    public func accountPages(_ context: StateSourceContext) -> AsyncThrowingStream<[Account], any Error> {
        let state = LockedState<DumpReader?>(nil)
        let url = url, pageSize = pageSize, maximumLineBytes = maximumLineBytes, requirements = requirements
        return AsyncThrowingStream(unfolding: {
            try state.withLock { reader throws -> [Account]? in
                if reader == nil {
                    let opened = try DumpReader(url: url, pageSize: pageSize, maximumLineBytes: maximumLineBytes)
                    _ = try opened.readRoot()
                    reader = opened
                }
                guard let page = try reader!.nextPage(requirements: requirements) else { return nil }
                context.progress(reader!.progress)
                return page
            }
        })
    }
}

/// The reading state of one pass over a dump file.
private final class DumpReader {
    /// The longest root line read: it holds one hash.
    static let maximumRootLineBytes = 64 << 10

    private let lines: LineReader
    private let path: String
    private let pageSize: Int
    private let maximumLineBytes: Int
    private var previousKey: [UInt8]?
    /// Reused by every plain line.
    private var scratch = FlatJSONObject()
    private var accounts = 0
    private var storageSlots = 0

    init(url: URL, pageSize: Int, maximumLineBytes: Int) throws(DumpError) {
        guard let lines = LineReader(url: url) else {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw DumpError(path: url.path, line: nil, reason: exists ? "cannot open the file" : "no such file")
        }
        self.lines = lines
        self.path = url.path
        self.pageSize = pageSize
        self.maximumLineBytes = maximumLineBytes
    }

    var progress: StateProgress {
        let fraction = lines.fileSize > 0 ? min(1, Double(lines.bytesConsumed) / Double(lines.fileSize)) : nil
        return StateProgress(accounts: accounts, storageSlots: storageSlots, fraction: fraction, phase: "accounts")
    }

    /// The state root of the first non-empty line, `{"root": "…"}`.
    func readRoot() throws(DumpError) -> [UInt8] {
        guard let line = try nextNonEmptyLine(limit: Self.maximumRootLineBytes) else { throw failure(nil, "the file is empty; expected a JSON-lines dump whose first line is {\"root\": \"0x…\"}") }
        let object: JSONValue
        do { object = try JSONParser.parse(Array(line)) } catch {
            let reason = line.allSatisfy({ $0 == UInt8(ascii: "{") || $0 == 0x20 || $0 == 0x09 })
                ? "this is a pretty-printed dump; write one object per line (`dump --iterative`)"
                : "not JSON (\(error.reason)); expected {\"root\": \"0x…\"} on the first line"
            throw failure(lines.lineNumber, reason)
        }
        if object["accounts"] != nil {
            throw failure(lines.lineNumber, "this is a whole-state JSON document; write one object per line (`dump --iterative`)")
        }
        guard object["balance"] == nil, object["address"] == nil, let text = object["root"]?.stringValue else {
            throw failure(lines.lineNumber, "expected the root line {\"root\": \"0x…\"} first, as `dump --iterative` writes it")
        }
        guard let root = try? Hex.decode(text), root.count == 32 else {
            throw failure(lines.lineNumber, "root \"\(text)\" is not 32 bytes of hex")
        }
        return root
    }

    /// Up to `pageSize` accounts, `nil` after the last.
    func nextPage(requirements: [NodeRequirement]) throws -> [Account]? {
        var page: [Account] = []
        page.reserveCapacity(pageSize)
        while page.count < pageSize, let line = try nextNonEmptyLine(limit: maximumLineBytes) {
            let account = try account(line, requirements: requirements)
            accounts += 1
            storageSlots += account.storage.count
            page.append(account)
        }
        return page.isEmpty ? nil : page
    }

    private func nextNonEmptyLine(limit: Int) throws(DumpError) -> ArraySlice<UInt8>? {
        do {
            while let line = try lines.nextLine(limit: limit) {
                if line.contains(where: { $0 != 0x20 && $0 != 0x09 }) { return line }
            }
            return nil
        } catch let tooLong as LineReader.LineTooLong {
            throw failure(tooLong.line, limit == Self.maximumRootLineBytes
                ? "no line break in the first \(ByteSize.text(limit)); expected a JSON-lines dump whose first line is {\"root\": \"0x…\"}"
                : "the line is longer than \(ByteSize.text(limit)), the most one account (with its storage) may take; "
                    + "expected a JSON-lines dump, one account per line")
        } catch {
            throw failure(nil, "cannot read the file: \(FileErrorReason.of(error))")
        }
    }

    private func account(_ line: ArraySlice<UInt8>, requirements: [NodeRequirement]) throws -> Account {
        let number = lines.lineNumber
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
    private func plainAccount(_ line: UnsafeBufferPointer<UInt8>) -> (account: Account, key: [UInt8]?, codeHash: [UInt8]?, root: [UInt8]?)? {
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

    /// Checks that `key`, when given, is keccak(address), and that the account comes after the previous one.
    private func checkOrder(key: [UInt8]?, address: Address, line number: Int) throws(DumpError) {
        let hashed = Keccak256.hash(address.bytes)
        if let key, key != hashed {
            throw failure(number, "key \(Hex.encode(key)) is not keccak256 of address \(address) (\(Hex.encode(hashed)))")
        }
        if let previousKey, !previousKey.lexicographicallyPrecedes(hashed) {
            let problem = previousKey == hashed ? "lists account \(address) twice" : "is not sorted by key"
            throw failure(number, "the dump \(problem): key \(Hex.encode(hashed)) of \(address) does not come after "
                + "\(Hex.encode(previousKey)) on the line before — a dump must list accounts in ascending key order, "
                + "as `dump --iterative` writes them; sort the lines by their \"key\"")
        }
        previousKey = hashed
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
