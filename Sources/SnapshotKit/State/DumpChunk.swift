/// Whole account lines of a dump, read in one go by a `DumpReader` and decoded by a `DumpLineParser` on a task of its
/// own.
struct DumpChunk: Sendable {
    /// The lines' bytes, back to back.
    var bytes: [UInt8] = []
    /// Each line's bytes in `bytes` and its number in the file, from 1.
    var lines: [(range: Range<Int>, number: Int)] = []
    /// How far into the file the chunk ends, in 0...1, when the size is known.
    var fraction: Double?

    /// A chunk decoded: its accounts, and its first and last hashed keys for the order check across chunks.
    struct Accounts: Sendable {
        var accounts: [Account]
        var storageSlots: Int
        var fraction: Double?
        /// The first account's hashed key, address and line.
        var first: (key: [UInt8], address: Address, line: Int)?
        var lastKey: [UInt8]?
        /// Why a line of the chunk could not be read; the accounts before it are kept.
        var failure: (any Error)?
    }
}
