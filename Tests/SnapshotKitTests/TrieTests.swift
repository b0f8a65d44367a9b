import Foundation
import TestFixtures
import Testing
@testable import SnapshotKit

/// Merkle-Patricia trie roots against ethereum/tests TrieTests, plus the streaming builder against an independent,
/// naive recursive implementation of the Yellow Paper's definition.
@Suite struct TrieTests {
    private static let folder = "ethereum-tests/TrieTests"

    /// One root vector: the final key/value set (deletions applied), the sequence as the file gives it, and the root.
    private struct RootCase: Sendable, CustomTestStringConvertible {
        let file: String
        let name: String
        /// Entries in file order; an empty value is a deletion (`null` in the file).
        let sequence: [Entry]
        let root: [UInt8]
        var testDescription: String { "\(file)/\(name)" }

        /// The sequence applied in order to a map, null deleting.
        var finalPairs: [(key: [UInt8], value: [UInt8])] {
            var map = [[UInt8]: [UInt8]]()
            for entry in sequence { map[entry.key] = entry.value.isEmpty ? nil : entry.value }
            return map.map { (key: $0.key, value: $0.value) }
        }
    }

    private struct Entry: Sendable {
        let key: [UInt8]
        let value: [UInt8]
    }

    private static func loadJSON(_ name: String) throws -> [String: [String: Any]] {
        let url = try TestFixtures.url("\(folder)/\(name).json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        return try #require(object as? [String: [String: Any]])
    }

    /// A key or value of the trie files: `0x`-prefixed hex, otherwise the string's UTF-8 bytes; `null` is empty.
    private static func bytes(_ field: Any) throws -> [UInt8] {
        if field is NSNull { return [] }
        let text = try #require(field as? String)
        return text.hasPrefix("0x") ? try [UInt8](hex: text) : Array(text.utf8)
    }

    private static func rootCases(_ file: String) throws -> [RootCase] {
        try loadJSON(file).sorted { $0.key < $1.key }.map { name, test in
            let sequence: [Entry]
            if let map = test["in"] as? [String: Any] {
                sequence = try map.map { Entry(key: try bytes($0.key), value: try bytes($0.value)) }
            } else {
                let list = try #require(test["in"] as? [[Any]])
                sequence = try list.map { Entry(key: try bytes($0[0]), value: try bytes($0[1])) }
            }
            let root = try [UInt8](hex: try #require(test["root"] as? String))
            return RootCase(file: file, name: name, sequence: sequence, root: root)
        }
    }

    private static func plainCases() throws -> [RootCase] {
        try rootCases("trieanyorder") + rootCases("trietest")
    }

    private static func secureCases() throws -> [RootCase] {
        try rootCases("trieanyorder_secureTrie") + rootCases("trietest_secureTrie")
            + rootCases("hex_encoded_securetrie_test")
    }

    @Test func readsEveryVector() throws {
        #expect(try Self.plainCases().count == 12)
        #expect(try Self.secureCases().count == 13)
    }

    @Test(arguments: try plainCases())
    private func plainRoot(_ test: RootCase) throws {
        #expect(MerklePatriciaTrie.root(of: test.finalPairs) == test.root)
        #expect(MerklePatriciaTrie.root(of: test.sequence.map { (key: $0.key, value: $0.value) }) == test.root)
        #expect(try ReferenceTrie.root(of: test.finalPairs) == test.root)
    }

    @Test(arguments: try secureCases())
    private func secureRoot(_ test: RootCase) throws {
        #expect(MerklePatriciaTrie.secureRoot(of: test.finalPairs) == test.root)
        #expect(MerklePatriciaTrie.secureRoot(of: test.sequence.map { (key: $0.key, value: $0.value) }) == test.root)
        let hashed = test.finalPairs.map { (key: Keccak256.hash($0.key), value: $0.value) }
        #expect(try ReferenceTrie.root(of: hashed) == test.root)
    }

    /// trietestnextprev.json gives, for a key set and a probe, the key just before and just after the probe in trie
    /// order. The streaming builder's only ordering decision is "does this key come after the previous one", so the
    /// vector checks that decision: the builder must accept prev → probe → next and refuse each step reversed, and
    /// the neighbours found by that same decision must be the vector's.
    @Test func orderMatchesTrieNextAndPrevious() throws {
        let test = try #require(Self.loadJSON("trietestnextprev")["basic"])
        let keys = try #require(test["in"] as? [String]).map { Array($0.utf8) }
        let probes = try #require(test["tests"] as? [[String]])
        #expect(probes.count == 12)
        var all = StreamingTrieBuilder()
        for key in keys { try all.append(key: key, value: key) }

        for probe in probes {
            let query = Array(probe[0].utf8), previous = Array(probe[1].utf8), next = Array(probe[2].utf8)
            let before = keys.filter { comesBefore($0, query) }
            let after = keys.filter { comesBefore(query, $0) }
            #expect((before.last ?? []) == previous, "previous of \(probe[0])")
            #expect((after.first ?? []) == next, "next of \(probe[0])")
            if !previous.isEmpty {
                #expect(comesBefore(previous, query) && !comesBefore(query, previous))
            }
            if !next.isEmpty {
                #expect(comesBefore(query, next) && !comesBefore(next, query))
            }
        }
    }

    /// Whether the streaming builder accepts `b` right after `a`.
    private func comesBefore(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var builder = StreamingTrieBuilder()
        do {
            try builder.append(key: a, value: [1])
            try builder.append(key: b, value: [1])
            return true
        } catch {
            return false
        }
    }

    @Test func emptyTrieHasTheKnownRoot() throws {
        let expected = try [UInt8](hex: "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421")
        #expect(MerklePatriciaTrie.emptyRoot == expected)
        #expect(MerklePatriciaTrie.root(of: []) == expected)
        var builder = StreamingTrieBuilder()
        #expect(builder.finish() == expected)
    }

    @Test func builderRefusesDisorderDuplicatesAndEmptyValues() throws {
        var builder = StreamingTrieBuilder()
        try builder.append(key: [0x12, 0x34], value: [1])
        #expect(throws: TrieError.keyOutOfOrder(key: [0x12, 0x34], previous: [0x12, 0x34])) {
            try builder.append(key: [0x12, 0x34], value: [2])
        }
        #expect(throws: TrieError.keyOutOfOrder(key: [0x12, 0x33], previous: [0x12, 0x34])) {
            try builder.append(key: [0x12, 0x33], value: [2])
        }
        #expect(throws: TrieError.keyOutOfOrder(key: [0x12], previous: [0x12, 0x34])) {
            try builder.append(key: [0x12], value: [2])
        }
        #expect(throws: TrieError.emptyValue(key: [0x12, 0x35])) { try builder.append(key: [0x12, 0x35], value: []) }
        for error in [TrieError.keyOutOfOrder(key: [1], previous: [2]), .emptyValue(key: [1])] {
            #expect(!error.description.contains("\n"))
        }
    }

    /// Thousands of random entries of every shape (prefix keys, tiny values that embed, 32-byte keys) against the
    /// naive recursive reference.
    @Test(arguments: [(seed: UInt64(1), keyBytes: 0...4, count: 3000), (seed: 2, keyBytes: 32...32, count: 4000),
                      (seed: 3, keyBytes: 1...40, count: 2000), (seed: 4, keyBytes: 0...2, count: 300)])
    func streamingAgreesWithReferenceOnRandomEntries(seed: UInt64, keyBytes: ClosedRange<Int>, count: Int) throws {
        var generator = TrieFuzzRandom(seed: seed)
        var pairs = [(key: [UInt8], value: [UInt8])]()
        for _ in 0..<count {
            let key = (0..<Int.random(in: keyBytes, using: &generator)).map { _ in
                // A small alphabet for short keys so that many keys share prefixes or are prefixes of one another.
                keyBytes.upperBound <= 4
                    ? UInt8.random(in: 0...3, using: &generator) << 4 | UInt8.random(in: 0...1, using: &generator)
                    : UInt8.random(in: 0...255, using: &generator)
            }
            let value = (0..<Int.random(in: 1...80, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            pairs.append((key: key, value: value))
        }
        var distinct = [[UInt8]: [UInt8]]()
        for pair in pairs { distinct[pair.key] = pair.value }
        let sorted = distinct.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        var builder = StreamingTrieBuilder()
        for entry in sorted { try builder.append(key: entry.key, value: entry.value) }
        let streamed = builder.finish()
        #expect(streamed == (try ReferenceTrie.root(of: sorted.map { (key: $0.key, value: $0.value) })))
        #expect(MerklePatriciaTrie.root(of: pairs) == streamed)
        let distinctPairs = sorted.map { (key: $0.key, value: $0.value) }
        #expect(MerklePatriciaTrie.root(of: distinctPairs.shuffled(using: &generator)) == streamed)
    }
}

/// A naive Merkle-Patricia trie root straight from the Yellow Paper (appendix D, functions c and n), built on
/// `RLPItem` trees: independent of the streaming builder's flat encoding, slow, for tests only.
enum ReferenceTrie {
    static func root(of pairs: [(key: [UInt8], value: [UInt8])]) throws -> [UInt8] {
        let entries = pairs.map { (nibbles: $0.key.flatMap { [$0 >> 4, $0 & 0x0f] }, value: $0.value) }
        if entries.isEmpty { return Keccak256.hash(RLP.encode(.bytes([]))) }
        return Keccak256.hash(RLP.encode(try node(entries, depth: 0)))
    }

    private static func node(_ entries: [(nibbles: [UInt8], value: [UInt8])], depth: Int) throws -> RLPItem {
        if entries.count == 1 {
            return .list([.bytes(hexPrefix(Array(entries[0].nibbles[depth...]), isLeaf: true)), .bytes(entries[0].value)])
        }
        var shared = 0
        while entries.allSatisfy({ $0.nibbles.count > depth + shared }),
              Set(entries.map { $0.nibbles[depth + shared] }).count == 1 {
            shared += 1
        }
        if shared > 0 {
            let path = Array(entries[0].nibbles[depth..<(depth + shared)])
            return .list([.bytes(hexPrefix(path, isLeaf: false)), try reference(entries, depth: depth + shared)])
        }
        var children = [RLPItem]()
        for nibble in UInt8(0)...15 {
            let group = entries.filter { $0.nibbles.count > depth && $0.nibbles[depth] == nibble }
            children.append(group.isEmpty ? .bytes([]) : try reference(group, depth: depth + 1))
        }
        let value = entries.first { $0.nibbles.count == depth }?.value ?? []
        return .list(children + [.bytes(value)])
    }

    /// A child as its parent holds it: embedded when its RLP is under 32 bytes, else its hash.
    private static func reference(_ entries: [(nibbles: [UInt8], value: [UInt8])], depth: Int) throws -> RLPItem {
        let encoded = RLP.encode(try node(entries, depth: depth))
        return encoded.count < 32 ? try RLP.decode(encoded) : .bytes(Keccak256.hash(encoded))
    }

    private static func hexPrefix(_ nibbles: [UInt8], isLeaf: Bool) -> [UInt8] {
        let flag: UInt8 = isLeaf ? 2 : 0
        let padded = nibbles.count % 2 == 1 ? [flag + 1] + nibbles : [flag, 0] + nibbles
        return stride(from: 0, to: padded.count, by: 2).map { padded[$0] << 4 | padded[$0 + 1] }
    }
}

/// A small seedable generator so random tests are reproducible.
struct TrieFuzzRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce5_e4b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
