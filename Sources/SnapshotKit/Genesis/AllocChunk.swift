import Foundation

/// Alloc members of a genesis file read in one go — each member's name and value as bytes — to be decoded on another
/// core.
struct AllocChunk: Sendable {
    /// The members' bytes, back to back.
    var bytes: [UInt8] = []
    /// Each member's name (with its quotes) and value in `bytes`, and their offsets in the file.
    var members: [(key: Range<Int>, keyOffset: Int, value: Range<Int>, valueOffset: Int)] = []
    /// How far into the file the chunk ends, in 0...1, when the size is known.
    var fraction: Double?
}

/// Reads a genesis file's alloc a chunk of members at a time, through a `JSONFileScanner`: a chunk ends after
/// `maximumMembers` members or `maximumBytes` bytes.
final class AllocChunkReader {
    static let maximumMembers = 512
    static let maximumBytes = 4 << 20

    private let scanner: JSONFileScanner
    private let maximumValueBytes: Int
    private let fileSize: Int
    private var isFinished = false

    /// Opens the file of `reader` at its alloc.
    init(reader: GenesisReader) throws {
        scanner = try GenesisReader.open(reader.url)
        maximumValueBytes = reader.maximumValueBytes
        let attributes = try? FileManager.default.attributesOfItem(atPath: reader.url.path)
        fileSize = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        do {
            try scanner.seek(to: reader.allocOffset)
            guard try scanner.peek() == UInt8(ascii: "{") else {
                throw GenesisError.invalidField(field: "alloc", reason: "expected an object")
            }
            try scanner.expect(UInt8(ascii: "{"), "expected '{'")
            if try scanner.peek() == UInt8(ascii: "}") { isFinished = true }
        } catch let failure as JSONFileScanner.Failure {
            throw GenesisReader.genesisError(failure, path: reader.url.path)
        }
    }

    /// The next members, `nil` after the last. Throws `JSONFileScanner.Failure`.
    func next() throws -> AllocChunk? {
        guard !isFinished else { return nil }
        var chunk = AllocChunk()
        while !isFinished, chunk.members.count < Self.maximumMembers, chunk.bytes.count < Self.maximumBytes {
            let (key, keyOffset) = try GenesisReader.captureKey(scanner)
            let keyStart = chunk.bytes.count
            chunk.bytes.append(contentsOf: key)
            let keyRange = keyStart..<chunk.bytes.count
            try scanner.expect(UInt8(ascii: ":"), "expected ':'")
            let (value, valueOffset) = try scanner.captureValue(limit: maximumValueBytes)
            let valueStart = chunk.bytes.count
            chunk.bytes.append(contentsOf: value)
            chunk.members.append((keyRange, keyOffset, valueStart..<chunk.bytes.count, valueOffset))
            isFinished = try scanner.separatorOrClose(UInt8(ascii: "}"))
        }
        chunk.fraction = fileSize > 0 ? min(1, Double(scanner.offset) / Double(fileSize)) : nil
        return chunk
    }
}
