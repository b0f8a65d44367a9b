/// Root hashes of Ethereum's hexary Merkle-Patricia tries, computed from whole key/value sets.
public enum MerklePatriciaTrie {
    /// Root of the empty trie, `keccak(rlp(""))` = `56e81f…b421`.
    public static let emptyRoot: [UInt8] = Keccak256.hash([RLP.stringOffset])

    /// Root of the trie holding `pairs`, given in any order. When a key repeats, the later value wins; an empty value
    /// means the key is absent (as deleting it would leave the trie).
    public static func root(of pairs: [(key: [UInt8], value: [UInt8])]) -> [UInt8] {
        var latest = [[UInt8]: [UInt8]](minimumCapacity: pairs.count)
        for pair in pairs { latest[pair.key] = pair.value }
        let entries = latest.filter { !$0.value.isEmpty }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        var builder = StreamingTrieBuilder()
        for entry in entries {
            do {
                try builder.append(key: entry.key, value: entry.value)
            } catch {
                preconditionFailure("sorted, distinct, non-empty entries were refused: \(error)")
            }
        }
        return builder.finish()
    }

    /// Root of the secure trie holding `pairs`: each key is replaced by its Keccak-256 hash first, as in the state and
    /// storage tries. Repeats and empty values as in `root(of:)`.
    public static func secureRoot(of pairs: [(key: [UInt8], value: [UInt8])]) -> [UInt8] {
        root(of: pairs.map { (key: Keccak256.hash($0.key), value: $0.value) })
    }
}
