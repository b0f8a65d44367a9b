/// Random edits of an input, as mutation fuzzers make them: bit flips, random and boundary bytes, insertions,
/// deletions, duplicated ranges, splices with another input, and tokens that mean something to the parsers.
struct Mutator {
    var random: SystemRandomNumberGenerator = .init()

    /// Tokens of the formats fuzzed: JSON and YAML structure, hex, RLP and SSZ length prefixes, big numbers.
    static let tokens: [[UInt8]] = [
        "{", "}", "[", "]", "\"", ":", ",", "0x", "-", "1e999", "99999999999999999999999999999999999999",
        "&a ", "*a", "<<: *a", "!!binary ", "---\n", "\n  ", "\\u0000", "\\ud800", "\u{1B}[2J", "null", "true",
    ].map { Array($0.utf8) } + [[0xB8, 0xFF], [0xB9, 0xFF, 0xFF], [0xF9, 0xFF, 0xFF], [0xFF, 0xFF, 0xFF, 0xFF], [0x80], [0xC0]]

    mutating func mutate(_ input: [UInt8], splicing other: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...6, using: &random) { edit(&bytes, other: other) }
        return bytes.count > 1 << 20 ? Array(bytes.prefix(1 << 20)) : bytes
    }

    private mutating func edit(_ bytes: inout [UInt8], other: [UInt8]) {
        let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<8, using: &random) {
        case 0 where !bytes.isEmpty:
            bytes[position] ^= 1 << UInt8.random(in: 0..<8, using: &random)
        case 1 where !bytes.isEmpty:
            bytes[position] = [0, 0xFF, 0x7F, 0x80, UInt8.random(in: 0...255, using: &random)].randomElement(using: &random)!
        case 2:
            bytes.insert(contentsOf: Self.tokens.randomElement(using: &random)!, at: position)
        case 3 where !bytes.isEmpty:
            let end = min(bytes.count, position + Int.random(in: 1...64, using: &random))
            bytes.removeSubrange(position..<end)
        case 4 where !bytes.isEmpty:
            let end = min(bytes.count, position + Int.random(in: 1...256, using: &random))
            bytes.insert(contentsOf: bytes[position..<end], at: position)
        case 5 where !other.isEmpty:
            let start = Int.random(in: 0..<other.count, using: &random)
            let end = min(other.count, start + Int.random(in: 1...512, using: &random))
            bytes.replaceSubrange(position..<min(bytes.count, position + (end - start)), with: other[start..<end])
        case 6 where !bytes.isEmpty:
            bytes.removeSubrange(position...)
        default:
            bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
        }
    }
}
