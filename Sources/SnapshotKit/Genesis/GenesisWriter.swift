import Crypto
import Foundation

/// Writes a genesis file in the portable form that geth, Besu, Nethermind and Reth all read, one account at a time,
/// so an alloc of millions of accounts never sits in memory as one document.
///
/// The form: `config` first (chain id, fork blocks and times as JSON numbers), then the block fields as `0x` hex
/// (`nonce`, `timestamp`, `extraData`, `gasLimit`, `difficulty`, `mixHash`, `coinbase`, `number`, `gasUsed`,
/// `parentHash`, then `baseFeePerGas`, `excessBlobGas`, `blobGasUsed`, `slotNumber` when set), then `alloc`.
/// Each account is one line: address `0x` lowercase; `balance` always (geth requires it); `nonce` as `0x` hex (Besu
/// reads nonces as hex) only when nonzero; `code` only when present; `storage` only when present, 32-byte `0x` keys
/// and values in ascending key order, no zero values. No other account members (Reth rejects unknown ones).
///
/// Accounts are written in the order given; the caller guarantees each address appears once.
public final class GenesisWriter {
    /// Accounts written so far.
    public private(set) var accountCount = 0
    /// Bytes handed to the output so far (all of them once `finish()` returned).
    public private(set) var byteCount = 0
    /// The lowercase hex SHA-256 of everything written, hashed as it was written; set by `finish()`.
    public private(set) var sha256: String?

    private let output: ([UInt8]) throws -> Void
    private let destination: String
    private var ownedHandle: FileHandle?
    private var buffer: [UInt8] = []
    private var isFinished = false
    private var hasher = SHA256()
    private static let flushThreshold = 1 << 20

    /// A writer that hands its output to `output` in chunks; `destination` names it in errors.
    public init(parameters: GenesisParameters, destination: String, output: @escaping ([UInt8]) throws -> Void) throws(GenesisError) {
        self.output = output
        self.destination = destination
        buffer.reserveCapacity(Self.flushThreshold + 4096)
        writeHead(parameters)
        try flushIfFull()
    }

    /// A writer that creates (or truncates) the file at `url`; `finish()` closes it.
    public convenience init(parameters: GenesisParameters, url: URL) throws(GenesisError) {
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: url.path) else {
            throw .unwritable(path: url.path, reason: "cannot create the file")
        }
        try self.init(parameters: parameters, destination: url.path) { chunk in try handle.write(contentsOf: chunk) }
        ownedHandle = handle
    }

    /// Appends one account to the alloc.
    public func append(_ account: Account) throws(GenesisError) {
        precondition(!isFinished, "GenesisWriter.append after finish")
        appendText(accountCount == 0 ? "\n    " : ",\n    ")
        appendAccount(account)
        accountCount += 1
        try flushIfFull()
    }

    /// Closes the alloc and the document, writes what is buffered, and closes a file this writer opened.
    public func finish() throws(GenesisError) {
        precondition(!isFinished, "GenesisWriter.finish called twice")
        isFinished = true
        appendText(accountCount == 0 ? "}\n}\n" : "\n  }\n}\n")
        try flush()
        sha256 = Hex.encode(hasher.finalize(), prefixed: false)
        if let handle = ownedHandle {
            do { try handle.close() } catch { throw .unwritable(path: destination, reason: "\(error)") }
            ownedHandle = nil
        }
    }

    // MARK: Layout

    private func writeHead(_ parameters: GenesisParameters) {
        var members: [(key: String, value: JSONValue)] = [
            ("config", parameters.config.portable().json),
            ("nonce", .string(Self.quantity(parameters.nonce))),
            ("timestamp", .string(Self.quantity(parameters.timestamp))),
            ("extraData", .string(Hex.encode(parameters.extraData))),
            ("gasLimit", .string(Self.quantity(parameters.gasLimit))),
            ("difficulty", .string(parameters.difficulty.hexQuantity)),
            ("mixHash", .string(Hex.encode(parameters.mixHash))),
            ("coinbase", .string(parameters.coinbase.description)),
            ("number", .string(Self.quantity(parameters.number))),
            ("gasUsed", .string(Self.quantity(parameters.gasUsed))),
            ("parentHash", .string(Hex.encode(parameters.parentHash))),
        ]
        if let baseFee = parameters.baseFeePerGas { members.append(("baseFeePerGas", .string(baseFee.hexQuantity))) }
        if let excess = parameters.excessBlobGas { members.append(("excessBlobGas", .string(Self.quantity(excess)))) }
        if let used = parameters.blobGasUsed { members.append(("blobGasUsed", .string(Self.quantity(used)))) }
        if let slot = parameters.slotNumber { members.append(("slotNumber", .string(Self.quantity(slot)))) }
        var text = "{"
        for (key, value) in members {
            text += "\n  "
            JSONWriter.writeString(key, into: &text)
            text += ": "
            JSONWriter.write(value, indent: 2, level: 1, into: &text)
            text += ","
        }
        text += "\n  \"alloc\": {"
        appendText(text)
    }

    private func appendAccount(_ account: Account) {
        appendText("\"\(account.address)\": {\"balance\": \"\(account.balance.hexQuantity)\"")
        if account.nonce != 0 { appendText(", \"nonce\": \"\(Self.quantity(account.nonce))\"") }
        if !account.code.isEmpty { appendText(", \"code\": \"\(Hex.encode(account.code))\"") }
        if !account.storage.isEmpty {
            appendText(", \"storage\": {")
            let slots = account.storage.keys.sorted { $0.lexicographicallyPrecedes($1) }
            for (position, slot) in slots.enumerated() {
                let value = account.storage[slot]!.bigEndianBytes
                appendText((position == 0 ? "\"" : ", \"") + Self.word(slot) + "\": \"" + Hex.encode(value) + "\"")
            }
            appendText("}")
        }
        appendText("}")
    }

    /// A storage key as 32-byte `0x` hex (shorter keys left-padded, as `Account` may hold them).
    private static func word(_ bytes: [UInt8]) -> String {
        Hex.encode([UInt8](repeating: 0, count: Swift.max(0, 32 - bytes.count)) + bytes)
    }

    private static func quantity(_ value: UInt64) -> String { "0x" + String(value, radix: 16) }

    // MARK: Output

    private func appendText(_ text: String) { buffer.append(contentsOf: text.utf8) }

    private func flushIfFull() throws(GenesisError) {
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    private func flush() throws(GenesisError) {
        guard !buffer.isEmpty else { return }
        do { try output(buffer) } catch { throw .unwritable(path: destination, reason: "\(error)") }
        hasher.update(data: buffer)
        byteCount += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}

extension GenesisFile {
    /// The whole genesis in the portable form of `GenesisWriter`, as bytes.
    public func portableJSON() -> [UInt8] {
        var bytes: [UInt8] = []
        // Writing to memory cannot fail.
        let writer = try! GenesisWriter(parameters: parameters, destination: "(memory)") { bytes += $0 }
        for account in alloc { try! writer.append(account) }
        try! writer.finish()
        return bytes
    }

    /// Writes the whole genesis in the portable form of `GenesisWriter` to `url`, streaming.
    public func write(to url: URL) throws(GenesisError) {
        let writer = try GenesisWriter(parameters: parameters, url: url)
        for account in alloc { try writer.append(account) }
        try writer.finish()
    }
}
