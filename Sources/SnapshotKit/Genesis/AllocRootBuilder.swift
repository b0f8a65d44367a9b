import Foundation

/// Computes the state root of accounts given in any order — a genesis alloc is usually in address order, while the
/// trie needs keccak(address) order — in bounded memory.
///
/// Entries (hashed key, address, account leaf) are gathered in a buffer of `memoryBudget` bytes. While they arrive
/// in ascending key order (as in a genesis `create` wrote) each full buffer goes straight into a streaming trie.
/// Otherwise full buffers are sorted and spilled to a temporary file (`LeafRunFile`) and merged at the end. An input
/// that turns out of order only after a buffer went into the trie cannot be sorted any more: `append` then throws
/// `OrderChanged`, and the caller starts again with a builder made with `sorting: true`.
final class AllocRootBuilder {
    /// The input stopped being in key order after entries were already hashed: read it again into a sorting builder.
    struct OrderChanged: Error {}

    private let memoryBudget: Int
    private let temporaryFolder: URL
    private var records = LeafRecords()
    private var trie = StreamingTrieBuilder()
    private var isSorting: Bool
    private var hashedAny = false
    private var previousKey: [UInt8] = []
    /// The last key that went into the trie.
    private var previousMergedKey: [UInt8] = []
    private var runs: LeafRunFile?

    /// Number of accounts appended.
    private(set) var count = 0

    /// A builder that expects key order first (`sorting: false`) or sorts from the start.
    init(sorting: Bool = false, memoryBudget: Int = 32 << 20, temporaryFolder: URL = FileManager.default.temporaryDirectory) {
        isSorting = sorting
        self.memoryBudget = memoryBudget
        self.temporaryFolder = temporaryFolder
    }

    /// Adds one account by its state-trie entry (`StateRoot.entry(of:)`), computed beforehand — on any core.
    func append(key: [UInt8], leaf: [UInt8], of address: Address) throws {
        if !isSorting, count > 0, !previousKey.lexicographicallyPrecedes(key) {
            if key == previousKey { throw GenesisError.duplicateAccount(address) }
            if hashedAny { throw OrderChanged() }
            isSorting = true
        }
        previousKey = key
        records.append(key: key, address: address, leaf: leaf)
        count += 1
        if records.bytes.count >= memoryBudget { try flushBuffer() }
    }

    /// The state root of everything appended; throws `GenesisError.duplicateAccount` when an address came twice.
    func finish() throws -> [UInt8] {
        if isSorting, let runs {
            try flushBuffer()
            try runs.merge { record in try addToTrie(record) }
        } else {
            if isSorting { records.sortByKey() }
            try records.forEachRecord { record in try addToTrie(record) }
        }
        records.removeAll()
        return trie.finish()
    }

    /// Hands a full buffer on: to the trie while in order, else to a sorted run on disk.
    private func flushBuffer() throws {
        if isSorting {
            records.sortByKey()
            if runs == nil { runs = try LeafRunFile(in: temporaryFolder) }
            try runs!.write(run: records)
        } else {
            try records.forEachRecord { record in try addToTrie(record) }
            hashedAny = true
        }
        records.removeAll()
    }

    private func addToTrie(_ record: UnsafeRawBufferPointer) throws {
        let key = LeafRecords.key(record)
        // Equal keys are equal addresses.
        if key == previousMergedKey { throw GenesisError.duplicateAccount(LeafRecords.address(record)) }
        try trie.append(key: key, value: LeafRecords.leaf(record))
        previousMergedKey = key
    }
}
