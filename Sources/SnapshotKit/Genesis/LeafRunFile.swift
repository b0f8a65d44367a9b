import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sorted runs of packed `LeafRecords` spilled to one temporary file, merged back in key order: the external sort
/// that lets a state root be computed over more accounts than fit in memory.
///
/// The file is removed from its folder as soon as it is created, so it disappears with the process whatever happens.
final class LeafRunFile {
    private let descriptor: Int32
    private var runs: [(offset: Int, length: Int)] = []
    private var size = 0

    /// Creates the file in `folder`.
    init(in folder: URL) throws(GenesisError) {
        let path = folder.appendingPathComponent("snapshotter-leaves-\(UUID().uuidString)").path
        descriptor = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw .unwritable(path: path, reason: "cannot create a temporary file for sorting (\(String(cString: strerror(errno))))")
        }
        unlink(path)
    }

    deinit { close(descriptor) }

    /// Appends `records`, already sorted, as one run, in 1 MiB writes.
    func write(run records: LeafRecords) throws(GenesisError) {
        let start = size
        var staging: [UInt8] = []
        staging.reserveCapacity(1 << 20)
        var failure: Int32 = 0
        func flush() {
            var done = 0
            while failure == 0, done < staging.count {
                let count = staging.withUnsafeBytes { pwrite(descriptor, $0.baseAddress! + done, $0.count - done, off_t(size)) }
                if count < 0 { failure = errno } else { done += count; size += count }
            }
            staging.removeAll(keepingCapacity: true)
        }
        records.forEachRecord { record in
            staging.append(contentsOf: record)
            if staging.count >= 1 << 20 { flush() }
        }
        flush()
        guard failure == 0 else {
            throw .unwritable(path: "(temporary sort file)", reason: String(cString: strerror(failure)))
        }
        runs.append((start, size - start))
    }

    /// Hands every record of every run to `body` in ascending key order (equal keys one after the other).
    func merge(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let readers = try runs.map { run throws(GenesisError) in try RunReader(descriptor: descriptor, offset: run.offset, length: run.length) }
        var heap = readers.indices.filter { !readers[$0].isExhausted }
        func precedes(_ a: Int, _ b: Int) -> Bool { readers[a].compareKey(with: readers[b]) < 0 }
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count, precedes(heap[left], heap[smallest]) { smallest = left }
                if right < heap.count, precedes(heap[right], heap[smallest]) { smallest = right }
                if smallest == parent { return }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
        while let top = heap.first {
            try readers[top].withCurrent(body)
            try readers[top].advance()
            if readers[top].isExhausted {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
            }
            if !heap.isEmpty { siftDown(0) }
        }
    }
}

/// Reads one run of a `LeafRunFile` through a small buffer.
private final class RunReader {
    private let descriptor: Int32
    private var offset: Int
    private let end: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private static let chunkSize = 256 << 10

    init(descriptor: Int32, offset: Int, length: Int) throws(GenesisError) {
        self.descriptor = descriptor
        self.offset = offset
        end = offset + length
        try refill()
    }

    var isExhausted: Bool { position >= buffer.count }

    /// Compares the current records' keys.
    func compareKey(with other: RunReader) -> Int32 {
        buffer.withUnsafeBytes { mine in
            other.buffer.withUnsafeBytes { theirs in
                memcmp(mine.baseAddress! + position, theirs.baseAddress! + other.position, 32)
            }
        }
    }

    func withCurrent(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try buffer.withUnsafeBytes { raw in
            let length = LeafRecords.length(raw, at: position)
            try body(UnsafeRawBufferPointer(rebasing: raw[position..<position + length]))
        }
    }

    func advance() throws(GenesisError) {
        position += buffer.withUnsafeBytes { LeafRecords.length($0, at: position) }
        if position >= buffer.count || !holdsWholeRecord { try refill() }
    }

    /// Whether the bytes from `position` hold a complete record.
    private var holdsWholeRecord: Bool {
        let available = buffer.count - position
        guard available >= LeafRecords.headerLength else { return false }
        return buffer.withUnsafeBytes { LeafRecords.length($0, at: position) } <= available
    }

    /// Keeps the unread bytes and reads the next chunk of the run after them.
    private func refill() throws(GenesisError) {
        buffer.removeSubrange(0..<min(position, buffer.count))
        position = 0
        let count = min(Self.chunkSize, end - offset)
        guard count > 0 else { return }
        let kept = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: count))
        let read = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + kept, count, off_t(offset)) }
        guard read == count else {
            throw .unreadable(path: "(temporary sort file)", reason: read < 0 ? String(cString: strerror(errno)) : "short read")
        }
        offset += count
    }
}
