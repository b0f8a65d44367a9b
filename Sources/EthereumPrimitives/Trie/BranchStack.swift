/// The open branch nodes of a streaming trie build, shallowest first, in flat reusable storage.
///
/// A branch at depth `d` splits keys on their nibble `d`; its 16 children are node references (at most 32 bytes each)
/// and its value is the value of the key that ends exactly at depth `d`, if any. Storage grows to the deepest level
/// reached and is reused, so pushing and popping allocate nothing in the steady state.
struct BranchStack: Sendable {
    private static let slotWidth = 32

    /// Depth (in nibbles) of each open branch.
    private var depths: [Int] = []
    /// Child references, 16 slots of `slotWidth` bytes per level.
    private var references: [UInt8] = []
    /// Length of each child reference; 0 means no child.
    private var referenceLengths: [UInt8] = []
    /// Value of each open branch; empty means none.
    private var values: [[UInt8]] = []
    /// Number of open branches.
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// Depth of the deepest open branch.
    var topDepth: Int { depths[count - 1] }

    /// Opens an empty branch at `depth`, deeper than the current top.
    mutating func push(depth: Int) {
        if count == depths.count {
            depths.append(depth)
            references.append(contentsOf: repeatElement(0, count: 16 * Self.slotWidth))
            referenceLengths.append(contentsOf: repeatElement(0, count: 16))
            values.append([])
        } else {
            depths[count] = depth
            let base = 16 * count
            for slot in base..<(base + 16) { referenceLengths[slot] = 0 }
            values[count] = []
        }
        count += 1
    }

    /// Sets the value of the deepest branch.
    mutating func setTopValue(_ value: [UInt8]) {
        values[count - 1] = value
    }

    /// Sets child `nibble` of the deepest branch to the node reference `reference`.
    mutating func setTopChild(_ nibble: Int, reference: [UInt8]) {
        let slot = 16 * (count - 1) + nibble
        referenceLengths[slot] = UInt8(reference.count)
        references.withUnsafeMutableBufferPointer { storage in
            reference.withUnsafeBufferPointer { source in
                let start = slot * Self.slotWidth
                for index in 0..<source.count { storage[start + index] = source[index] }
            }
        }
    }

    /// Closes the deepest branch, appending its RLP to `out`.
    mutating func popEncoding(to out: inout [UInt8]) {
        let level = count - 1
        let base = 16 * level
        let value = values[level]
        var payload = value.isEmpty ? 1 : RLP.encodedCount(ofBytes: value)
        for slot in base..<(base + 16) {
            let length = Int(referenceLengths[slot])
            payload += length == 0 ? 1 : (length == 32 ? 33 : length)
        }
        RLP.appendHeader(payloadCount: payload, offset: RLP.listOffset, to: &out)
        for slot in base..<(base + 16) {
            let length = Int(referenceLengths[slot])
            if length == 0 {
                out.append(RLP.stringOffset)
            } else {
                if length == 32 { out.append(RLP.stringOffset + 32) }
                let start = slot * Self.slotWidth
                out.append(contentsOf: references[start..<(start + length)])
            }
        }
        if value.isEmpty { out.append(RLP.stringOffset) } else { RLP.appendString(value, to: &out) }
        values[level] = []
        count -= 1
    }
}
