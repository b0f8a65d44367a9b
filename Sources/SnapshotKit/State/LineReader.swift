import Foundation

/// Reads a file one line at a time through a fixed-size buffer, so memory is bounded by the longest line — and a line
/// may be at most as long as the caller says, so a file without line breaks (`/dev/zero`) fails instead of filling
/// memory.
final class LineReader {
    /// A line is longer than the bound given to `nextLine`.
    struct LineTooLong: Error, Equatable {
        /// The number of the line, from 1.
        let line: Int
        let limit: Int
    }

    let url: URL
    /// The file's size when opened.
    let fileSize: Int
    /// The number of the line last returned, from 1.
    private(set) var lineNumber = 0
    /// Bytes of the file consumed by the lines returned so far (newlines included).
    private(set) var bytesConsumed = 0

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private static let chunkSize = 1 << 20

    /// Opens `url`; `nil` when it cannot be opened (the caller says why).
    init?(url: URL) {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return nil }
        self.url = url
        self.handle = handle
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        fileSize = (attributes?[.size] as? NSNumber)?.intValue ?? 0
    }

    deinit { try? handle.close() }

    /// The next line without its line ending (`\n` or `\r\n`), or `nil` at the end of the file. Throws `LineTooLong`
    /// once more than `limit` bytes were read without a line break.
    func nextLine(limit: Int) throws -> ArraySlice<UInt8>? {
        var searchFrom = start
        while true {
            if let newline = Self.firstNewline(in: buffer, from: searchFrom) {
                guard newline - start <= limit else { throw LineTooLong(line: lineNumber + 1, limit: limit) }
                let line = buffer[start..<newline]
                bytesConsumed += newline + 1 - start
                start = newline + 1
                lineNumber += 1
                return line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                guard buffer.count - start <= limit else { throw LineTooLong(line: lineNumber + 1, limit: limit) }
                let line = buffer[start...]
                bytesConsumed += buffer.count - start
                start = buffer.count
                lineNumber += 1
                return line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            }
            let searched = buffer.count - start
            guard searched <= limit else { throw LineTooLong(line: lineNumber + 1, limit: limit) }
            try fill()
            searchFrom = start + searched
        }
    }

    /// The index of the first `\n` in `buffer` from `start`.
    private static func firstNewline(in buffer: [UInt8], from start: Int) -> Int? {
        buffer.withUnsafeBufferPointer { bytes -> Int? in
            guard let base = bytes.baseAddress, start < bytes.count,
                  let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else { return nil }
            return UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
        }
    }

    /// Drops consumed bytes and appends the next chunk of the file.
    private func fill() throws {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        guard let chunk = try handle.read(upToCount: Self.chunkSize), !chunk.isEmpty else {
            atEnd = true
            return
        }
        buffer.append(contentsOf: chunk)
    }
}
