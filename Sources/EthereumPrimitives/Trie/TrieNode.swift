/// Encodings of Merkle-Patricia trie nodes, written into a caller's buffer to avoid intermediate arrays.
///
/// Paths are ranges of nibbles of a key (nibble `i` is the high half of byte `i / 2` when `i` is even). A node
/// reference is the node's RLP itself when shorter than 32 bytes (embedded), otherwise its 32-byte Keccak hash.
enum TrieNode {
    /// Nibble `index` of `key`.
    @inline(__always)
    static func nibble(_ key: [UInt8], _ index: Int) -> Int {
        let byte = key[index >> 1]
        return Int(index & 1 == 0 ? byte >> 4 : byte & 0x0f)
    }

    /// Number of leading nibbles `a` and `b` share.
    static func commonPrefixLength(_ a: [UInt8], _ b: [UInt8]) -> Int {
        let count = min(a.count, b.count)
        var index = 0
        while index < count {
            let difference = a[index] ^ b[index]
            if difference != 0 { return 2 * index + (difference & 0xf0 == 0 ? 1 : 0) }
            index += 1
        }
        return 2 * count
    }

    /// Appends `rlp([hexPrefix(key[from...], leaf), value])`.
    static func appendLeaf(key: [UInt8], from: Int, value: [UInt8], to out: inout [UInt8]) {
        let pathCount = hexPrefixCount(from: from, to: 2 * key.count)
        let payload = pathCount + RLP.encodedCount(ofBytes: value)
        RLP.appendHeader(payloadCount: payload, offset: RLP.listOffset, to: &out)
        appendHexPrefix(key: key, from: from, to: 2 * key.count, isLeaf: true, to: &out)
        RLP.appendString(value, to: &out)
    }

    /// Appends `rlp([hexPrefix(key[from..<to], extension), child])` for the node reference `child`.
    static func appendExtension(key: [UInt8], from: Int, to: Int, child: [UInt8], to out: inout [UInt8]) {
        let pathCount = hexPrefixCount(from: from, to: to)
        let payload = pathCount + referenceCount(child)
        RLP.appendHeader(payloadCount: payload, offset: RLP.listOffset, to: &out)
        appendHexPrefix(key: key, from: from, to: to, isLeaf: false, to: &out)
        appendReference(child, to: &out)
    }

    /// Encoded size of a node reference inside its parent.
    @inline(__always)
    static func referenceCount(_ reference: [UInt8]) -> Int {
        reference.count == 32 ? 33 : reference.count
    }

    /// Appends a node reference: a hash as a 32-byte string, an embedded node as its RLP.
    static func appendReference(_ reference: [UInt8], to out: inout [UInt8]) {
        if reference.count == 32 { out.append(RLP.stringOffset + 32) }
        out.append(contentsOf: reference)
    }

    /// Encoded size of the hex-prefix path of the nibbles `from..<to`, RLP string header included.
    @inline(__always)
    static func hexPrefixCount(from: Int, to: Int) -> Int {
        let byteCount = (to - from) / 2 + 1
        return byteCount == 1 ? 1 : RLP.headerCount(payloadCount: byteCount) + byteCount
    }

    /// Appends the hex-prefix encoding of `key[from..<to]` as an RLP string.
    static func appendHexPrefix(key: [UInt8], from: Int, to: Int, isLeaf: Bool, to out: inout [UInt8]) {
        let count = to - from
        let isOdd = count & 1 == 1
        let flags: UInt8 = (isLeaf ? 0x20 : 0x00) | (isOdd ? 0x10 : 0x00)
        let first = flags | (isOdd ? UInt8(nibble(key, from)) : 0)
        let byteCount = count / 2 + 1
        if byteCount > 1 { RLP.appendHeader(payloadCount: byteCount, offset: RLP.stringOffset, to: &out) }
        out.append(first)
        var index = isOdd ? from + 1 : from
        if index & 1 == 0 {
            out.append(contentsOf: key[(index >> 1)..<(to >> 1)])
        } else {
            while index < to {
                out.append(UInt8(nibble(key, index) << 4 | nibble(key, index + 1)))
                index += 2
            }
        }
    }
}
