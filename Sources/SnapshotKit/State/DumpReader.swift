import Foundation

/// The reading state of one pass over a dump file: its root line, then its account lines, a chunk at a time, as
/// bytes for a `DumpLineParser` to decode on another task.
final class DumpReader {
    /// The longest root line read: it holds one hash.
    static let maximumRootLineBytes = 64 << 10
    /// A chunk ends after this many bytes of lines, or after `chunkLines` lines, whichever comes first.
    static let chunkBytes = 4 << 20

    private let lines: LineReader
    private let path: String
    private let chunkLines: Int
    private let maximumLineBytes: Int

    init(url: URL, chunkLines: Int, maximumLineBytes: Int) throws(DumpError) {
        guard let lines = LineReader(url: url) else {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw DumpError(path: url.path, line: nil, reason: exists ? "cannot open the file" : "no such file")
        }
        self.lines = lines
        self.path = url.path
        self.chunkLines = chunkLines
        self.maximumLineBytes = maximumLineBytes
    }

    /// The state root of the first non-empty line, `{"root": "…"}`.
    func readRoot() throws(DumpError) -> [UInt8] {
        guard let line = try nextNonEmptyLine(limit: Self.maximumRootLineBytes) else { throw failure(nil, "the file is empty; expected a JSON-lines dump whose first line is {\"root\": \"0x…\"}") }
        let object: JSONValue
        do { object = try JSONParser.parse(Array(line)) } catch {
            let reason = line.allSatisfy({ $0 == UInt8(ascii: "{") || $0 == 0x20 || $0 == 0x09 })
                ? "this is a pretty-printed dump; write one object per line (`dump --iterative`)"
                : "not JSON (\(error.reason)); expected {\"root\": \"0x…\"} on the first line"
            throw failure(lines.lineNumber, reason)
        }
        if object["accounts"] != nil {
            throw failure(lines.lineNumber, "this is a whole-state JSON document; write one object per line (`dump --iterative`)")
        }
        guard object["balance"] == nil, object["address"] == nil, let text = object["root"]?.stringValue else {
            throw failure(lines.lineNumber, "expected the root line {\"root\": \"0x…\"} first, as `dump --iterative` writes it")
        }
        guard let root = try? Hex.decode(text), root.count == 32 else {
            throw failure(lines.lineNumber, "root \"\(text)\" is not 32 bytes of hex")
        }
        return root
    }

    /// The next non-empty account lines — up to `chunkLines` of them or `chunkBytes` — `nil` after the last.
    func nextChunk() throws(DumpError) -> DumpChunk? {
        var chunk = DumpChunk()
        while chunk.lines.count < chunkLines, chunk.bytes.count < Self.chunkBytes,
              let line = try nextNonEmptyLine(limit: maximumLineBytes) {
            let start = chunk.bytes.count
            chunk.bytes.append(contentsOf: line)
            chunk.lines.append((start..<chunk.bytes.count, lines.lineNumber))
        }
        guard !chunk.lines.isEmpty else { return nil }
        chunk.fraction = lines.fileSize > 0 ? min(1, Double(lines.bytesConsumed) / Double(lines.fileSize)) : nil
        return chunk
    }

    private func nextNonEmptyLine(limit: Int) throws(DumpError) -> ArraySlice<UInt8>? {
        do {
            while let line = try lines.nextLine(limit: limit) {
                if line.contains(where: { $0 != 0x20 && $0 != 0x09 }) { return line }
            }
            return nil
        } catch let tooLong as LineReader.LineTooLong {
            throw failure(tooLong.line, limit == Self.maximumRootLineBytes
                ? "no line break in the first \(ByteSize.text(limit)); expected a JSON-lines dump whose first line is {\"root\": \"0x…\"}"
                : "the line is longer than \(ByteSize.text(limit)), the most one account (with its storage) may take; "
                    + "expected a JSON-lines dump, one account per line")
        } catch {
            throw failure(nil, "cannot read the file: \(FileErrorReason.of(error))")
        }
    }

    private func failure(_ line: Int?, _ reason: String) -> DumpError {
        DumpError(path: path, line: line, reason: reason)
    }
}
