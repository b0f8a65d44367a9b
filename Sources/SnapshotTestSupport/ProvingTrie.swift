import SnapshotKit

/// An in-memory Merkle-Patricia trie over a whole key/value set that can prove any key, for fake nodes.
///
/// Built once from all entries; every node keeps its encoding, so a proof is a walk down one path. Proofs list the
/// nodes as geth's `eth_getProof` does: the root node, then every node on the key's path that its parent references
/// by hash (nodes shorter than 32 bytes are embedded in their parent and not listed).
public struct ProvingTrie: Sendable {
    /// A node with its encoding computed once.
    private final class Node: Sendable {
        enum Kind: Sendable {
            case leaf(path: [UInt8], value: [UInt8])
            case `extension`(path: [UInt8], child: Node)
            case branch(children: [Node?], value: [UInt8])
        }

        let kind: Kind
        /// The node's RLP.
        let encoded: [UInt8]
        /// The node as its parent holds it: itself when shorter than 32 bytes, else its hash.
        let reference: RLPItem

        init(_ kind: Kind) {
            self.kind = kind
            let item: RLPItem = switch kind {
            case .leaf(let path, let value):
                .list([.bytes(Self.hexPrefix(path, isLeaf: true)), .bytes(value)])
            case .extension(let path, let child):
                .list([.bytes(Self.hexPrefix(path, isLeaf: false)), child.reference])
            case .branch(let children, let value):
                .list(children.map { $0?.reference ?? .bytes([]) } + [.bytes(value)])
            }
            encoded = RLP.encode(item)
            reference = encoded.count < 32 ? item : .bytes(Keccak256.hash(encoded))
        }

        static func hexPrefix(_ path: [UInt8], isLeaf: Bool) -> [UInt8] {
            let isOdd = path.count % 2 == 1
            var out: [UInt8] = [(isLeaf ? 0x20 : 0) | (isOdd ? 0x10 | path[0] : 0)]
            var index = isOdd ? 1 : 0
            while index < path.count {
                out.append(path[index] << 4 | path[index + 1])
                index += 2
            }
            return out
        }
    }

    private let top: Node?
    /// The root hash (`MerklePatriciaTrie.emptyRoot` for no entries).
    public let root: [UInt8]

    /// A trie holding `pairs`; a repeated key keeps its last value, an empty value means absent.
    public init(_ pairs: [(key: [UInt8], value: [UInt8])]) {
        var latest: [[UInt8]: [UInt8]] = [:]
        for pair in pairs { latest[pair.key] = pair.value }
        let entries = latest.filter { !$0.value.isEmpty }
            .map { (nibbles: Self.nibbles($0.key), value: $0.value) }
            .sorted { $0.nibbles.lexicographicallyPrecedes($1.nibbles) }
        top = entries.isEmpty ? nil : Self.build(entries[...], depth: 0)
        root = top.map { Keccak256.hash($0.encoded) } ?? MerklePatriciaTrie.emptyRoot
    }

    /// The secure trie of `pairs`: keys hashed with Keccak-256 first, as in the state and storage tries.
    public init(secure pairs: [(key: [UInt8], value: [UInt8])]) {
        self.init(pairs.map { (key: Keccak256.hash($0.key), value: $0.value) })
    }

    /// The proof for `key` (already hashed for a secure trie): present or absent, the nodes down its path.
    public func proof(forKey key: [UInt8]) -> [[UInt8]] {
        guard var node = top else { return [] }
        let nibbles = Self.nibbles(key)
        var position = 0
        var proof = [node.encoded]
        while true {
            let next: Node?
            switch node.kind {
            case .leaf:
                next = nil
            case .extension(let path, let child):
                next = nibbles[position...].starts(with: path) ? child : nil
                position += path.count
            case .branch(let children, _):
                next = position < nibbles.count ? children[Int(nibbles[position])] : nil
                position += 1
            }
            guard let child = next else { return proof }
            if child.encoded.count >= 32 { proof.append(child.encoded) }
            node = child
        }
    }

    private static func build(_ entries: ArraySlice<(nibbles: [UInt8], value: [UInt8])>, depth: Int) -> Node {
        let first = entries.first!
        if entries.count == 1 { return Node(.leaf(path: Array(first.nibbles[depth...]), value: first.value)) }
        let last = entries.last!
        var shared = depth
        while shared < first.nibbles.count, shared < last.nibbles.count, first.nibbles[shared] == last.nibbles[shared] { shared += 1 }
        if shared > depth {
            return Node(.extension(path: Array(first.nibbles[depth..<shared]), child: branch(entries, depth: shared)))
        }
        return branch(entries, depth: depth)
    }

    private static func branch(_ entries: ArraySlice<(nibbles: [UInt8], value: [UInt8])>, depth: Int) -> Node {
        var rest = entries
        var value: [UInt8] = []
        if let first = rest.first, first.nibbles.count == depth {
            value = first.value
            rest = rest.dropFirst()
        }
        var children: [Node?] = Array(repeating: nil, count: 16)
        while let first = rest.first {
            let nibble = first.nibbles[depth]
            let group = rest.prefix { $0.nibbles[depth] == nibble }
            children[Int(nibble)] = build(group, depth: depth + 1)
            rest = rest.dropFirst(group.count)
        }
        return Node(.branch(children: children, value: value))
    }

    private static func nibbles(_ bytes: [UInt8]) -> [UInt8] {
        bytes.flatMap { [$0 >> 4, $0 & 0x0f] }
    }
}
