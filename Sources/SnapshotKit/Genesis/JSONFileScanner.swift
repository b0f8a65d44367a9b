import Foundation

/// Walks the JSON text of a file value by value through a bounded buffer, so that a document of any size is read in
/// memory proportional to its largest captured value.
///
/// It finds where each value ends by scanning bytes (strings, escapes and nesting), without building anything;
/// `captureValue` hands the value's bytes to a parser, `skipValue` passes over a value of any size. The scanner
/// checks only what it needs to find value boundaries: captured values are validated by whoever parses them.
final class JSONFileScanner {
    /// Why the file could not be scanned.
    enum Failure: Error, Equatable {
        /// The text is not JSON at this file offset.
        case syntax(JSONParser.SyntaxError)
        /// A captured value is longer than the bound.
        case valueTooLong(offset: Int, limit: Int)
        /// Reading failed.
        case unreadable(String)
    }


    private let handle: FileHandle
    private var buffer: [UInt8] = []
    /// Index in `buffer` of the next unread byte.
    private var position = 0
    /// File offset of `buffer[0]`.
    private var base = 0
    private var atEnd = false
    private static let chunkSize = 4 << 20

    /// Opens `url`; `nil` when it cannot be opened.
    init?(url: URL) {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return nil }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// File offset of the next unread byte.
    var offset: Int { base + position }

    /// Continues reading at file offset `offset`.
    func seek(to offset: Int) throws(Failure) {
        do { try handle.seek(toOffset: UInt64(offset)) } catch { throw .unreadable(FileErrorReason.of(error)) }
        buffer.removeAll(keepingCapacity: true)
        position = 0
        base = offset
        atEnd = false
    }

    /// The next byte that is not white space, left unread; `nil` at the end of the file.
    func peek() throws(Failure) -> UInt8? {
        while true {
            while position < buffer.count {
                let byte = buffer[position]
                guard byte == 0x20 || byte == 0x0a || byte == 0x0d || byte == 0x09 else { return byte }
                position += 1
            }
            guard try fill(keepingFrom: position) else { return nil }
        }
    }

    /// Consumes `byte` after white space, or fails saying `expectation`.
    func expect(_ byte: UInt8, _ expectation: String) throws(Failure) {
        guard try peek() == byte else { throw syntax(expectation) }
        position += 1
    }

    /// Consumes `,` or `close` after white space; `true` when it was `close`.
    func separatorOrClose(_ close: UInt8) throws(Failure) -> Bool {
        let byte = try peek()
        if byte == close { position += 1; return true }
        guard byte == UInt8(ascii: ",") else {
            throw syntax("expected ',' or '\(Character(UnicodeScalar(close)))'")
        }
        position += 1
        return false
    }

    /// The bytes of the next value (after white space) and its file offset; the bytes stay valid until the next call.
    /// Fails when the value is longer than `limit` bytes, having read no more than that.
    func captureValue(limit: Int) throws(Failure) -> (bytes: ArraySlice<UInt8>, offset: Int) {
        guard try peek() != nil else { throw syntax("unexpected end of input") }
        var start = position
        var extent = JSONExtent(first: buffer[start])
        var scanned = start
        while true {
            let from = scanned
            if let end = buffer.withUnsafeBufferPointer({ extent.scan($0, from: from) }) {
                guard end - start <= limit else { throw .valueTooLong(offset: base + start, limit: limit) }
                position = end
                return (buffer[start..<end], base + start)
            }
            let kept = buffer.count - start
            guard kept <= limit else { throw .valueTooLong(offset: base + start, limit: limit) }
            let more = try fill(keepingFrom: start)
            (start, scanned) = (0, kept)
            guard more else {
                guard extent.endsAtEndOfInput else { throw syntax("unexpected end of input") }
                guard buffer.count <= limit else { throw .valueTooLong(offset: base, limit: limit) }
                position = buffer.count
                return (buffer[0..<buffer.count], base)
            }
        }
    }

    /// Passes over the next value, however long, keeping only one chunk in memory.
    func skipValue() throws(Failure) {
        guard try peek() != nil else { throw syntax("unexpected end of input") }
        var extent = JSONExtent(first: buffer[position])
        while true {
            let from = position
            if let end = buffer.withUnsafeBufferPointer({ extent.scan($0, from: from) }) {
                position = end
                return
            }
            position = buffer.count
            guard try fill(keepingFrom: position) else {
                guard extent.endsAtEndOfInput else { throw syntax("unexpected end of input") }
                return
            }
        }
    }

    /// A syntax failure at the next unread byte.
    func syntax(_ reason: String) -> Failure {
        .syntax(JSONParser.SyntaxError(offset: offset, reason: reason))
    }

    /// Drops the bytes before `keep`, moving the rest to the front, and appends the next chunk; `false` at the end.
    private func fill(keepingFrom keep: Int) throws(Failure) -> Bool {
        if keep > 0 {
            buffer.removeSubrange(0..<keep)
            base += keep
            position -= keep
        }
        if atEnd { return false }
        let chunk: Data?
        do { chunk = try handle.read(upToCount: Self.chunkSize) } catch { throw .unreadable(FileErrorReason.of(error)) }
        guard let chunk, !chunk.isEmpty else {
            atEnd = true
            return false
        }
        buffer.append(contentsOf: chunk)
        return true
    }
}

/// Where a JSON value ends, found by scanning its bytes in pieces: the state between pieces is kept here.
struct JSONExtent {
    private var depth = 0
    private var inString = false
    private var escaped = false
    private let isScalar: Bool

    /// The scan of a value whose first byte is `first`.
    init(first: UInt8) {
        isScalar = first != UInt8(ascii: "{") && first != UInt8(ascii: "[") && first != UInt8(ascii: "\"")
    }

    /// A number or literal ends at the end of the input; anything else would be cut short.
    var endsAtEndOfInput: Bool { isScalar }

    /// Scans `bytes` from `start` (the value's first byte or where the previous piece ended); the index just past the
    /// value when it ends in this piece.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        let count = bytes.count
        if isScalar {
            while index < count {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0a, 0x0d, 0x09: return index
                default: index += 1
                }
            }
            return nil
        }
        while index < count {
            let byte = bytes[index]
            index += 1
            if inString {
                if !escaped, byte != UInt8(ascii: "\\"), byte != UInt8(ascii: "\""), let base = bytes.baseAddress {
                    // Most of a genesis is long hex strings: jump to the next quote, unless a backslash comes first.
                    let rest = count - index
                    let quote = memchr(base + index, Int32(UInt8(ascii: "\"")), rest)
                    let stop = quote.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? count
                    let backslash = memchr(base + index, Int32(UInt8(ascii: "\\")), stop - index)
                    index = backslash.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? stop
                    continue
                }
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { return index }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
        }
        return nil
    }
}
