import EthereumPrimitives
/// An SSZ container whose encoded size is fixed and the same under every preset (`Validator`, `Checkpoint`, …).
public protocol SSZFixedSizeCodable: Sendable {
    /// Encoded size in bytes.
    static var sszSize: Int { get }

    /// Decodes exactly ``sszSize`` bytes.
    init(sszBytes: ArraySlice<UInt8>) throws(SSZError)

    /// Appends the SSZ encoding to `bytes`.
    func encodeSSZ(into bytes: inout [UInt8])

    /// `hash_tree_root` of the value.
    func hashTreeRoot() -> [UInt8]
}

extension SSZFixedSizeCodable {
    /// Decodes exactly ``sszSize`` bytes.
    public init(sszBytes: [UInt8]) throws(SSZError) {
        try self.init(sszBytes: sszBytes[...])
    }

    /// The SSZ encoding.
    public func serialize() -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(Self.sszSize)
        encodeSSZ(into: &bytes)
        return bytes
    }
}

extension Array where Element: SSZFixedSizeCodable {
    /// The SSZ encoding of the elements laid end to end (the contents of a vector or list of them).
    func encodedSSZ() -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(count * Element.sszSize)
        for element in self { element.encodeSSZ(into: &bytes) }
        return bytes
    }

    /// `hash_tree_root` of a `List[Element, limit]` holding these elements.
    func listHashTreeRoot(limit: Int) -> [UInt8] {
        SSZ.hashTreeRoot(listOfRoots: map { $0.hashTreeRoot() }, limit: limit)
    }
}
