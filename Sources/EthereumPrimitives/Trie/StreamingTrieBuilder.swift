/// Computes a Merkle-Patricia trie root from entries appended in ascending key order, in memory proportional to the
/// key length rather than to the number of entries.
///
/// Each finished subtree is encoded, hashed (or kept embedded when its RLP is shorter than 32 bytes) and released
/// as soon as a later key shows that nothing more can join it, in the manner of a stack trie. Keys must be strictly
/// ascending in byte order; a key may be a prefix of a later key (it then becomes a branch value). For a state or
/// storage trie the keys are 32-byte hashes.
public struct StreamingTrieBuilder: Sendable {
    /// The last appended entry: where its leaf hangs is known only once the next key (or the end) arrives.
    private var pendingKey: [UInt8] = []
    private var pendingValue: [UInt8] = []
    private var hasPending = false
    private var branches = BranchStack()
    /// Scratch buffer for the node being encoded.
    private var node: [UInt8] = []
    /// Reference (embedded RLP or hash) of the node last sealed.
    private var reference: [UInt8] = []

    public init() {
        node.reserveCapacity(1024)
        reference.reserveCapacity(32)
    }

    /// Adds an entry. `key` must come strictly after the previous key in byte order; `value` must not be empty.
    public mutating func append(key: [UInt8], value: [UInt8]) throws(TrieError) {
        guard !value.isEmpty else { throw .emptyValue(key: key) }
        guard hasPending else {
            pendingKey = key
            pendingValue = value
            hasPending = true
            return
        }
        let common = TrieNode.commonPrefixLength(pendingKey, key)
        let precedes = common < 2 * key.count
            && (common == 2 * pendingKey.count || TrieNode.nibble(pendingKey, common) < TrieNode.nibble(key, common))
        guard precedes else { throw .keyOutOfOrder(key: key, previous: pendingKey) }
        placePending(splittingAt: common)
        pendingKey = key
        pendingValue = value
    }

    /// The root hash of everything appended; `MerklePatriciaTrie.emptyRoot` when nothing was. The builder is empty
    /// again afterwards.
    public mutating func finish() -> [UInt8] {
        defer { self = StreamingTrieBuilder() }
        guard hasPending else { return MerklePatriciaTrie.emptyRoot }
        node.removeAll(keepingCapacity: true)
        guard !branches.isEmpty else {
            TrieNode.appendLeaf(key: pendingKey, from: 0, value: pendingValue, to: &node)
            return Keccak256.hash(node)
        }
        attachPendingLeaf()
        while branches.count > 1 { closeTopBranch() }
        let depth = branches.topDepth
        node.removeAll(keepingCapacity: true)
        branches.popEncoding(to: &node)
        if depth > 0 {
            seal()
            node.removeAll(keepingCapacity: true)
            TrieNode.appendExtension(key: pendingKey, from: 0, to: depth, child: reference, to: &node)
        }
        return Keccak256.hash(node)
    }

    /// Hangs the pending entry in the trie now that the next key is known to share exactly `common` nibbles with it,
    /// and closes every branch deeper than `common`: no later key can reach them.
    private mutating func placePending(splittingAt common: Int) {
        if branches.isEmpty || branches.topDepth < common {
            branches.push(depth: common)
            if common == 2 * pendingKey.count {
                branches.setTopValue(pendingValue)
            } else {
                attachPendingLeaf()
            }
            return
        }
        attachPendingLeaf()
        while branches.topDepth > common {
            closeTopBranch(openingAt: common)
        }
    }

    /// Sets the pending entry's leaf as a child of the deepest open branch.
    private mutating func attachPendingLeaf() {
        let depth = branches.topDepth
        node.removeAll(keepingCapacity: true)
        TrieNode.appendLeaf(key: pendingKey, from: depth + 1, value: pendingValue, to: &node)
        seal()
        branches.setTopChild(TrieNode.nibble(pendingKey, depth), reference: reference)
    }

    /// Encodes the deepest open branch and hangs it (behind an extension for any skipped nibbles) on the branch below;
    /// when that one is shallower than `floor`, a new branch is first opened at `floor` to hold it.
    private mutating func closeTopBranch(openingAt floor: Int = -1) {
        let depth = branches.topDepth
        node.removeAll(keepingCapacity: true)
        branches.popEncoding(to: &node)
        seal()
        let parent = branches.isEmpty ? -1 : branches.topDepth
        if parent < floor { branches.push(depth: floor) }
        let parentDepth = max(parent, floor)
        if depth > parentDepth + 1 {
            node.removeAll(keepingCapacity: true)
            TrieNode.appendExtension(key: pendingKey, from: parentDepth + 1, to: depth, child: reference, to: &node)
            seal()
        }
        branches.setTopChild(TrieNode.nibble(pendingKey, parentDepth), reference: reference)
    }

    /// Turns the encoded `node` into its reference: itself when shorter than 32 bytes, otherwise its hash.
    private mutating func seal() {
        reference.removeAll(keepingCapacity: true)
        if node.count < 32 {
            reference.append(contentsOf: node)
        } else {
            reference.append(contentsOf: Keccak256.hash(node))
        }
    }
}
