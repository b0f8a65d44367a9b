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

    public init(url: URL, pageSize: Int = 256) {
        self.url = url
        self.pageSize = max(1, pageSize)
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
        let reader = try DumpReader(url: url, pageSize: 1)
        return try reader.readRoot()
    }

    public func accountPages(_ context: StateSourceContext) -> AsyncThrowingStream<[Account], any Error> {
        let state = LockedState<DumpReader?>(nil)
        let url = url, pageSize = pageSize, requirements = requirements
        return AsyncThrowingStream(unfolding: {
            try state.withLock { reader throws -> [Account]? in
                if reader == nil {
                    let opened = try DumpReader(url: url, pageSize: pageSize)
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
    private let lines: LineReader
    private let path: String
    private let pageSize: Int
    private var previousKey: [UInt8]?
    private var accounts = 0
    private var storageSlots = 0

    init(url: URL, pageSize: Int) throws(DumpError) {
        guard let lines = LineReader(url: url) else {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw DumpError(path: url.path, line: nil, reason: exists ? "cannot open the file" : "no such file")
        }
        self.lines = lines
        self.path = url.path
        self.pageSize = pageSize
    }

    var progress: StateProgress {
        let fraction = lines.fileSize > 0 ? min(1, Double(lines.bytesConsumed) / Double(lines.fileSize)) : nil
        return StateProgress(accounts: accounts, storageSlots: storageSlots, fraction: fraction, phase: "accounts")
    }

    /// The state root of the first non-empty line, `{"root": "…"}`.
    func readRoot() throws(DumpError) -> [UInt8] {
        guard let line = try nextNonEmptyLine() else { throw failure(nil, "the file is empty; expected a JSON-lines dump whose first line is {\"root\": \"0x…\"}") }
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
        while page.count < pageSize, let line = try nextNonEmptyLine() {
            let account = try account(line, requirements: requirements)
            accounts += 1
            storageSlots += account.storage.count
            page.append(account)
        }
        return page.isEmpty ? nil : page
    }

    private func nextNonEmptyLine() throws(DumpError) -> ArraySlice<UInt8>? {
        do {
            while let line = try lines.nextLine() {
                if line.contains(where: { $0 != 0x20 && $0 != 0x09 }) { return line }
            }
            return nil
        } catch {
            throw failure(nil, "cannot read the file: \(FileErrorReason.of(error))")
        }
    }

    private func account(_ line: ArraySlice<UInt8>, requirements: [NodeRequirement]) throws -> Account {
        let number = lines.lineNumber
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

        let account = Account(
            address: address,
            nonce: try quantity(json, "nonce", line: number) { value, field throws(Quantity.ParseError) in try Quantity.uint64(value, field: field) } ?? 0,
            balance: try quantity(json, "balance", line: number) { value, field throws(Quantity.ParseError) in try Quantity.uint256(value, field: field) } ?? .zero,
            code: try code(json, line: number),
            storage: try storage(json, line: number))
        if let codeHash = try hash(json, "codeHash", line: number), account.code.isEmpty, codeHash != Keccak256.emptyHash {
            throw StateVerificationError.incomplete(
                reason: "\(path) line \(number): account \(address) has code (codeHash \(Hex.encode(codeHash))) but the dump holds none",
                requirements: requirements)
        }
        if let root = try hash(json, "root", line: number), account.storage.isEmpty, root != MerklePatriciaTrie.emptyRoot {
            throw StateVerificationError.incomplete(
                reason: "\(path) line \(number): account \(address) has storage (root \(Hex.encode(root))) but the dump holds none",
                requirements: requirements)
        }
        return account
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
