import Foundation

/// Reads a geth-style genesis file in constant memory: the config and block fields when opened, then the alloc
/// accounts one at a time, in file order, with `forEachAccount`.
///
/// The top-level members may come in any order (`alloc` before `config` too): opening passes over the alloc without
/// reading it, and `forEachAccount` returns to it. Memory is bounded by the largest single value — one alloc account
/// with its storage, or one top-level field — which may be at most `maximumValueBytes` long. Accounts in the plain
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
    private let allocOffset: Int

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
        let scanner = try Self.open(url)
        do {
            try scanner.seek(to: allocOffset)
            guard try scanner.peek() == UInt8(ascii: "{") else {
                throw GenesisError.invalidField(field: "alloc", reason: "expected an object")
            }
            try scanner.expect(UInt8(ascii: "{"), "expected '{'")
            if try scanner.peek() == UInt8(ascii: "}") { return }
            var scratch = FlatJSONObject()
            repeat {
                let key = try Self.key(scanner)
                try scanner.expect(UInt8(ascii: ":"), "expected ':'")
                let (bytes, offset) = try scanner.captureValue(limit: maximumValueBytes)
                let address = try? Address(hex: key)
                let plain = address.flatMap { address in
                    bytes.withUnsafeBufferPointer { GenesisAlloc.plainAccount(address: address, bytes: $0, scratch: &scratch) }
                }
                try body(try plain ?? GenesisAlloc.account(key: key, json: Self.parse(bytes, offset: offset)))
            } while try !scanner.separatorOrClose(UInt8(ascii: "}"))
        } catch let failure as JSONFileScanner.Failure {
            throw Self.genesisError(failure, path: url.path)
        }
    }

    // MARK: Reading

    private static func open(_ url: URL) throws(GenesisError) -> JSONFileScanner {
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
        guard try scanner.peek() == UInt8(ascii: "\"") else { throw scanner.syntax("expected a member name") }
        let (bytes, offset) = try scanner.captureValue(limit: 1 << 20)
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

    private static func genesisError(_ error: any Error, path: String) -> GenesisError {
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
