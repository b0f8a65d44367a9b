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
        Self.encode(account, to: &buffer)
        accountCount += 1
        try flushIfFull()
    }

    /// Accounts in the alloc's text, encoded with `encode(_:)` — on any task — for `append(_:)` to write.
    public struct EncodedAccounts: Sendable {
        /// The alloc members, one per line.
        fileprivate var bytes: [UInt8] = []
        /// How many.
        fileprivate var count = 0
    }

    /// The alloc text of `accounts`, for `append(_:)`; needs no writer, so pages can be encoded concurrently.
    public static func encode(_ accounts: [Account]) -> EncodedAccounts {
        var encoded = EncodedAccounts()
        for account in accounts {
            if encoded.count > 0 { encoded.bytes.append(contentsOf: ",\n    ".utf8) }
            encode(account, to: &encoded.bytes)
            encoded.count += 1
        }
        return encoded
    }

    /// Appends accounts encoded with `encode(_:)`.
    public func append(_ accounts: EncodedAccounts) throws(GenesisError) {
        precondition(!isFinished, "GenesisWriter.append after finish")
        guard accounts.count > 0 else { return }
        appendText(accountCount == 0 ? "\n    " : ",\n    ")
        buffer.append(contentsOf: accounts.bytes)
        accountCount += accounts.count
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

    /// Appends one alloc member, `"0x<address>": {…}`, to `out`. A storage key shorter than 32 bytes (as `Account`
    /// may hold them) is left-padded.
    static func encode(_ account: Account, to out: inout [UInt8]) {
        func text(_ literal: StaticString) {
            literal.withUTF8Buffer { out.append(contentsOf: $0) }
        }
        func hex(_ bytes: [UInt8]) {
            text("\"0x")
            Hex.append(bytes, to: &out)
            text("\"")
        }
        hex(account.address.bytes)
        text(": {\"balance\": \"")
        account.balance.appendHexQuantity(to: &out)
        text("\"")
        if account.nonce != 0 {
            text(", \"nonce\": \"")
            UInt256(account.nonce).appendHexQuantity(to: &out)
            text("\"")
        }
        if !account.code.isEmpty {
            text(", \"code\": ")
            hex(account.code)
        }
        if !account.storage.isEmpty {
            text(", \"storage\": {")
            let slots = account.storage.keys.sorted { $0.lexicographicallyPrecedes($1) }
            for (position, slot) in slots.enumerated() {
                if position > 0 { text(", ") }
                hex([UInt8](repeating: 0, count: Swift.max(0, 32 - slot.count)) + slot)
                text(": ")
                hex(account.storage[slot]!.bigEndianBytes)
            }
            text("}")
        }
        text("}")
    }

    private static func quantity(_ value: UInt64) -> String { "0x" + String(value, radix: 16) }

    // MARK: Output

    private func appendText(_ text: String) { buffer.append(contentsOf: text.utf8) }

    private func flushIfFull() throws(GenesisError) {
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    private func flush() throws(GenesisError) {
        guard !buffer.isEmpty else { return }
        try write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Hands `bytes` to the output and the digest.
    private func write(_ bytes: [UInt8]) throws(GenesisError) {
        do { try output(bytes) } catch { throw .unwritable(path: destination, reason: "\(error)") }
        hasher.update(data: bytes)
        byteCount += bytes.count
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
