import Foundation
import SnapshotKit

/// Writes a `dump --iterative` JSON-lines file of `SyntheticStateSource`'s accounts, in hashed-key order, streamed to
/// disk. The root line is written last, over a placeholder of the same length, with the root the generator's own
/// streaming trie computed while writing.
struct DumpGenerator {
    let count: Int

    /// Writes the dump; its state root and size.
    func write(to url: URL) throws -> (root: [UInt8], bytes: Int) {
        let source = SyntheticStateSource(count: count)
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: url.path) else {
            throw BenchmarkFailure("cannot create \(url.path)")
        }
        defer { try? handle.close() }
        let placeholder = rootLine([UInt8](repeating: 0, count: 32))
        var buffer = placeholder
        var bytes = 0
        var trie = StateRootBuilder()
        for index in 0..<count {
            let account = source.account(at: index)
            try trie.append(account)
            appendLine(account, to: &buffer)
            if buffer.count >= 1 << 20 {
                try handle.write(contentsOf: buffer)
                bytes += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
        bytes += buffer.count
        let root = trie.finish()
        try handle.seek(toOffset: 0)
        try handle.write(contentsOf: rootLine(root))
        return (root, bytes)
    }

    private func rootLine(_ root: [UInt8]) -> [UInt8] {
        Array("{\"root\":\"\(Hex.encode(root))\"}\n".utf8)
    }

    /// One account as geth's dump writes it: decimal balance, numeric nonce, storage root and code hash, code and
    /// storage only when present.
    private func appendLine(_ account: Account, to buffer: inout [UInt8]) {
        let codeHash = account.code.isEmpty ? Keccak256.emptyHash : Keccak256.hash(account.code)
        var line = "{\"balance\":\"\(account.balance.decimalString)\",\"nonce\":\(account.nonce)"
            + ",\"root\":\"\(Hex.encode(StateRoot.storageRoot(account.storage)))\",\"codeHash\":\"\(Hex.encode(codeHash))\""
        if !account.code.isEmpty { line += ",\"code\":\"\(Hex.encode(account.code))\"" }
        if !account.storage.isEmpty {
            let slots = account.storage.keys.sorted { $0.lexicographicallyPrecedes($1) }
            line += ",\"storage\":{" + slots.map { slot in
                "\"\(Hex.encode(slot))\":\"\(Hex.encode(account.storage[slot]!.bigEndianBytes, prefixed: false))\""
            }.joined(separator: ",") + "}"
        }
        line += ",\"address\":\"\(account.address)\",\"key\":\"\(Hex.encode(Keccak256.hash(account.address.bytes)))\"}\n"
        buffer.append(contentsOf: line.utf8)
    }
}
