import Foundation

/// Reads a geth-style genesis file in constant memory: the config and block fields when opened, then the alloc
/// accounts in file order, one at a time with `forEachAccount` or a page at a time with `forEachAccountPage`, decoded
/// on all cores either way.
///
/// The top-level members may come in any order (`alloc` before `config` too): opening passes over the alloc without
/// reading it, and the alloc is read again from its offset. Memory is bounded by two batches of chunks of about 4 MiB
/// of members (`AllocChunkReader`, at most `ConcurrentWork.bytesInFlight` a batch beyond one chunk) and
/// by the largest single value — one alloc account with its storage, or one top-level field — which may be at most
/// `maximumValueBytes` long. Accounts in the plain
/// form a genesis writer emits are decoded straight from the bytes (`GenesisAlloc.plainAccount`), any other with
/// `GenesisAlloc.account(key:json:)`, so they are exactly what `GenesisFile(json:)` reads; duplicate addresses are not
/// detected here (`GenesisSummary` detects them while it sorts for the state root).
public final class GenesisReader {
    /// The default bound of one value: a contract with about two million storage slots.
    public static let defaultMaximumValueBytes = 256 << 20

    /// The file.
    public let url: URL
    /// The config and block fields.
    public let parameters: GenesisParameters
    /// The longest value (one account, one field) read into memory.
    public let maximumValueBytes: Int
    /// File offset of the alloc object.
    let allocOffset: Int

    /// Opens `url` and reads everything but the alloc.
    public init(contentsOf url: URL, maximumValueBytes: Int = defaultMaximumValueBytes) throws(GenesisError) {
        self.url = url
        self.maximumValueBytes = maximumValueBytes
        let scanner = try Self.open(url)
        var members: [(key: String, value: JSONValue)] = []
        var alloc: Int?
        var allocSeen = false
        do {
            try scanner.expect(UInt8(ascii: "{"), "expected a JSON object")
            if try scanner.peek() == UInt8(ascii: "}") {
                try scanner.expect(UInt8(ascii: "}"), "expected '}'")
            } else {
                repeat {
                    let key = try Self.key(scanner)
                    try scanner.expect(UInt8(ascii: ":"), "expected ':'")
                    if !allocSeen, key.lowercased() == "alloc" {
                        allocSeen = true
                        if try scanner.peek() != UInt8(ascii: "n") { alloc = scanner.offset }
                        try scanner.skipValue()
                    } else {
                        members.append((key, try Self.value(scanner, limit: maximumValueBytes)))
                    }
                } while try !scanner.separatorOrClose(UInt8(ascii: "}"))
            }
            guard try scanner.peek() == nil else { throw scanner.syntax("unexpected text after the document") }
        } catch {
            throw Self.genesisError(error, path: url.path)
        }
        parameters = try GenesisParameters(json: .object(members))
        guard let alloc else { throw .missingField("alloc") }
        allocOffset = alloc
    }

    /// Reads the alloc from the file again, handing each account to `body` in file order.
    public func forEachAccount(_ body: (Account) throws -> Void) throws {
        try forEachAccountPage(transform: \.accounts) { accounts in
            for account in accounts { try body(account) }
        }
    }

    /// Accounts of the alloc read together, and how far into the file they end.
    public struct AccountPage: Sendable {
        public var accounts: [Account]
        /// In 0...1, when the file's size is known.
        public var fraction: Double?
    }

    /// Reads the alloc from the file again in pages of accounts, each page decoded and handed to `transform` on all
    /// cores (`OrderedBatchWork`), and the results to `body` in file order.
    public func forEachAccountPage<Output>(transform: (AccountPage) throws -> Output, _ body: (Output) throws -> Void) throws {
        let chunks = try AllocChunkReader(reader: self)
        do {
            try OrderedBatchWork.run(
                maximumWeight: ConcurrentWork.bytesInFlight, weight: { $0.bytes.count }, next: chunks.next,
                transform: { chunk in try transform(AccountPage(accounts: try Self.accounts(in: chunk), fraction: chunk.fraction)) },
                consume: body)
        } catch let failure as JSONFileScanner.Failure {
            throw Self.genesisError(failure, path: url.path)
        }
    }

    /// The accounts of the alloc members in `chunk`: plain ones decoded straight from their bytes
    /// (`GenesisAlloc.plainAccount`), any other with `GenesisAlloc.account(key:json:)`.
    private static func accounts(in chunk: AllocChunk) throws -> [Account] {
        var scratch = FlatJSONObject()
        var accounts: [Account] = []
        accounts.reserveCapacity(chunk.members.count)
        for member in chunk.members {
            let plain = chunk.bytes.withUnsafeBufferPointer { bytes -> Account? in
                let name = bytes[member.key.dropFirst().dropLast()]
                guard let address = PlainValueDecoding.address(name) else { return nil }
                return GenesisAlloc.plainAccount(address: address, bytes: UnsafeBufferPointer(rebasing: bytes[member.value]), scratch: &scratch)
            }
            if let plain {
                accounts.append(plain)
            } else {
                let key = try Self.key(chunk.bytes[member.key], offset: member.keyOffset)
                accounts.append(try GenesisAlloc.account(key: key, json: Self.parse(chunk.bytes[member.value], offset: member.valueOffset)))
            }
        }
        return accounts
    }

    // MARK: Reading

    static func open(_ url: URL) throws(GenesisError) -> JSONFileScanner {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        guard exists else { throw .unreadable(path: url.path, reason: "no such file") }
        guard !isDirectory.boolValue else { throw .unreadable(path: url.path, reason: "it is a directory") }
        guard let scanner = JSONFileScanner(url: url) else {
            let reason = FileManager.default.isReadableFile(atPath: url.path) ? "cannot open the file" : "permission denied"
            throw .unreadable(path: url.path, reason: reason)
        }
        return scanner
    }

    /// A member name.
    private static func key(_ scanner: JSONFileScanner) throws(JSONFileScanner.Failure) -> String {
        let (bytes, offset) = try captureKey(scanner)
        return try key(bytes, offset: offset)
    }

    /// The bytes of a member name, quotes included, and its file offset.
    static func captureKey(_ scanner: JSONFileScanner) throws(JSONFileScanner.Failure) -> (bytes: ArraySlice<UInt8>, offset: Int) {
        guard try scanner.peek() == UInt8(ascii: "\"") else { throw scanner.syntax("expected a member name") }
        return try scanner.captureValue(limit: 1 << 20)
    }

    /// A member name from its bytes, quotes included.
    private static func key(_ bytes: ArraySlice<UInt8>, offset: Int) throws(JSONFileScanner.Failure) -> String {
        let inner = bytes.dropFirst().dropLast()
        if !inner.contains(UInt8(ascii: "\\")), !inner.contains(where: { $0 < 0x20 }) {
            return String(decoding: inner, as: UTF8.self)
        }
        return try parse(bytes, offset: offset).stringValue ?? ""
    }

    /// The next value, parsed.
    private static func value(_ scanner: JSONFileScanner, limit: Int) throws(JSONFileScanner.Failure) -> JSONValue {
        let (bytes, offset) = try scanner.captureValue(limit: limit)
        return try parse(bytes, offset: offset)
    }

    private static func parse(_ bytes: ArraySlice<UInt8>, offset: Int) throws(JSONFileScanner.Failure) -> JSONValue {
        do { return try JSONParser.parse(Array(bytes)) } catch {
            throw .syntax(JSONParser.SyntaxError(offset: offset + error.offset, reason: error.reason))
        }
    }

    static func genesisError(_ error: any Error, path: String) -> GenesisError {
        switch error {
        case let failure as JSONFileScanner.Failure:
            switch failure {
            case .syntax(let syntax): return .invalidJSON(syntax)
            case .valueTooLong(let offset, let limit): return .valueTooLarge(path: path, offset: offset, limit: limit)
            case .unreadable(let reason): return .unreadable(path: path, reason: reason)
            }
        case let genesis as GenesisError:
            return genesis
        default:
            return .unreadable(path: path, reason: "\(error)")
        }
    }
}
