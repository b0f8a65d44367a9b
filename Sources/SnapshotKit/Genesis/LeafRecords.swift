import Foundation

/// State-trie entries packed back to back in one byte buffer — `key (32) · address (20) · leaf length (1) · leaf` —
/// so that hundreds of thousands of them cost one allocation, and sortable by key without moving the bytes.
struct LeafRecords {
    /// The packed records.
    private(set) var bytes: [UInt8] = []
    /// Where each record starts in `bytes`.
    private(set) var starts: [Int] = []

    /// Appends one entry. `leaf` is an account's RLP, always shorter than 256 bytes.
    mutating func append(key: [UInt8], address: Address, leaf: [UInt8]) {
        precondition(key.count == 32 && leaf.count < 256, "a state-trie entry has a 32-byte key and a short leaf")
        starts.append(bytes.count)
        bytes.append(contentsOf: key)
        bytes.append(contentsOf: address.bytes)
        bytes.append(UInt8(leaf.count))
        bytes.append(contentsOf: leaf)
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
    }

    /// Orders the records by key.
    mutating func sortByKey() {
        let sorted = bytes.withUnsafeBytes { raw in
            starts.sorted { memcmp(raw.baseAddress! + $0, raw.baseAddress! + $1, 32) < 0 }
        }
        starts = sorted
    }

    /// The records in their current order, each as its packed bytes.
    func forEachRecord(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try bytes.withUnsafeBytes { raw in
            for start in starts {
                try body(UnsafeRawBufferPointer(rebasing: raw[start..<start + Self.length(raw, at: start)]))
            }
        }
    }

    /// Length of the packed record at `start` of `raw`.
    static func length(_ raw: UnsafeRawBufferPointer, at start: Int) -> Int {
        headerLength + Int(raw[start + headerLength - 1])
    }

    /// Key, address and leaf length.
    static let headerLength = 53

    /// The parts of a packed record.
    static func key(_ record: UnsafeRawBufferPointer) -> [UInt8] { Array(record[0..<32]) }
    static func address(_ record: UnsafeRawBufferPointer) -> Address { Address(bytes: Array(record[32..<52]))! }
    static func leaf(_ record: UnsafeRawBufferPointer) -> [UInt8] { Array(record[headerLength...]) }
}
