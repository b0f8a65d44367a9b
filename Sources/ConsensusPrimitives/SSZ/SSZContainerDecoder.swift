import EthereumPrimitives
/// One field of an SSZ container layout: its name (as in consensus-specs) and its encoded size, nil when the field
/// is variable-size (encoded as a 4-byte offset in the fixed part).
struct SSZFieldLayout: Sendable {
    let name: String
    let fixedSize: Int?

    static func fixed(_ name: String, _ size: Int) -> SSZFieldLayout { SSZFieldLayout(name: name, fixedSize: size) }
    static func variable(_ name: String) -> SSZFieldLayout { SSZFieldLayout(name: name, fixedSize: nil) }
}

extension Array where Element == SSZFieldLayout {
    /// Bytes of the fixed part: fixed-size fields plus one offset per variable-size field.
    var fixedPartSize: Int { reduce(0) { $0 + ($1.fixedSize ?? SSZ.bytesPerOffset) } }
}

/// Splits an SSZ container encoding into its fields, checking the lengths and offsets, and hands the fields out in
/// declaration order.
struct SSZContainerDecoder {
    private let typeName: String
    private let layout: [SSZFieldLayout]
    private var ranges: [Range<Int>]
    private var nextIndex = 0
    private let bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>, typeName: String, layout: [SSZFieldLayout]) throws(SSZError) {
        self.bytes = bytes
        self.typeName = typeName
        self.layout = layout
        let fixedPartSize = layout.fixedPartSize
        if layout.allSatisfy({ $0.fixedSize != nil }), bytes.count != fixedPartSize {
            throw .wrongLength(path: typeName, expected: fixedPartSize, actual: bytes.count)
        }
        guard bytes.count >= fixedPartSize else {
            throw .tooShort(path: typeName, minimum: fixedPartSize, actual: bytes.count)
        }
        var ranges = [Range<Int>]()
        ranges.reserveCapacity(layout.count)
        var variableFields: [(index: Int, offset: Int)] = []
        var position = bytes.startIndex
        for field in layout {
            if let size = field.fixedSize {
                ranges.append(position..<position + size)
                position += size
            } else {
                let offset = Int(bytes[position]) | Int(bytes[position + 1]) << 8
                    | Int(bytes[position + 2]) << 16 | Int(bytes[position + 3]) << 24
                variableFields.append((ranges.count, offset))
                ranges.append(position..<position)
                position += SSZ.bytesPerOffset
            }
        }
        if let first = variableFields.first, first.offset != fixedPartSize {
            throw .firstOffsetMismatch(path: typeName, expected: fixedPartSize, actual: first.offset)
        }
        var previousOffset = fixedPartSize
        for field in variableFields {
            guard field.offset >= previousOffset, field.offset <= bytes.count else {
                throw .offsetOutOfRange(
                    path: "\(typeName).\(layout[field.index].name)", offset: field.offset,
                    lowerBound: previousOffset, upperBound: bytes.count)
            }
            previousOffset = field.offset
        }
        for (position, field) in variableFields.enumerated() {
            let end = position + 1 < variableFields.count ? variableFields[position + 1].offset : bytes.count
            ranges[field.index] = bytes.startIndex + field.offset..<bytes.startIndex + end
        }
        self.ranges = ranges
    }

    /// The next field in declaration order.
    mutating func next() -> SSZField {
        precondition(nextIndex < layout.count, "SSZ \(typeName): read past the last field")
        defer { nextIndex += 1 }
        return SSZField(bytes: bytes[ranges[nextIndex]], typeName: typeName, fieldName: layout[nextIndex].name)
    }
}

/// The bytes of one container field, with its name for error messages.
struct SSZField {
    let bytes: ArraySlice<UInt8>
    let typeName: String
    let fieldName: String

    var path: String { "\(typeName).\(fieldName)" }

    /// A `uint64` (the layout guarantees 8 bytes).
    func uint64() -> UInt64 {
        SSZField.readUInt64(bytes, at: bytes.startIndex)
    }

    /// A `uint256` (the layout guarantees 32 bytes).
    func uint256() -> UInt256 {
        UInt256(bigEndian: bytes.reversed())!
    }

    /// A `boolean`; any byte other than 0 or 1 is an error.
    func bool() throws(SSZError) -> Bool {
        switch bytes.first {
        case 0: return false
        case 1: return true
        case let byte: throw .invalidBoolean(path: path, byte: byte ?? 0)
        }
    }

    /// A fixed-size byte vector (the layout guarantees its length).
    func byteVector() -> [UInt8] { Array(bytes) }

    /// A `ByteList[limit]` (or `List[uint8, limit]`).
    func byteList(limit: Int) throws(SSZError) -> [UInt8] {
        guard bytes.count <= limit else { throw .tooManyElements(path: path, limit: limit, actual: bytes.count) }
        return Array(bytes)
    }

    /// A `Vector[uint64, count]`.
    func uint64Vector(count: Int) throws(SSZError) -> [UInt64] {
        try elements(size: 8, exactly: count) { SSZField.readUInt64($0, at: $0.startIndex) }
    }

    /// A `List[uint64, limit]`.
    func uint64List(limit: Int) throws(SSZError) -> [UInt64] {
        try elements(size: 8, atMost: limit) { SSZField.readUInt64($0, at: $0.startIndex) }
    }

    /// A `Vector[Bytes32, count]`.
    func rootVector(count: Int) throws(SSZError) -> [[UInt8]] {
        try elements(size: SSZ.bytesPerChunk, exactly: count) { Array($0) }
    }

    /// A `List[Bytes32, limit]`.
    func rootList(limit: Int) throws(SSZError) -> [[UInt8]] {
        try elements(size: SSZ.bytesPerChunk, atMost: limit) { Array($0) }
    }

    /// A fixed-size container.
    func decode<T: SSZFixedSizeCodable>(_ type: T.Type) throws(SSZError) -> T {
        try T(sszBytes: bytes)
    }

    /// A `List[T, limit]` of fixed-size containers.
    func list<T: SSZFixedSizeCodable>(of type: T.Type, limit: Int) throws(SSZError) -> [T] {
        try elements(size: T.sszSize, atMost: limit) { (element) throws(SSZError) in try T(sszBytes: element) }
    }

    /// Splits the bytes into `count` elements of `size` bytes.
    func elements<T>(
        size: Int, exactly count: Int, _ decode: (ArraySlice<UInt8>) throws(SSZError) -> T
    ) throws(SSZError) -> [T] {
        guard bytes.count == size * count else {
            throw .wrongLength(path: path, expected: size * count, actual: bytes.count)
        }
        return try split(size: size, decode)
    }

    /// Splits the bytes into at most `limit` elements of `size` bytes.
    func elements<T>(
        size: Int, atMost limit: Int, _ decode: (ArraySlice<UInt8>) throws(SSZError) -> T
    ) throws(SSZError) -> [T] {
        guard bytes.count % size == 0 else {
            throw .lengthNotMultipleOfElement(path: path, elementSize: size, actual: bytes.count)
        }
        guard bytes.count / size <= limit else {
            throw .tooManyElements(path: path, limit: limit, actual: bytes.count / size)
        }
        return try split(size: size, decode)
    }

    private func split<T>(size: Int, _ decode: (ArraySlice<UInt8>) throws(SSZError) -> T) throws(SSZError) -> [T] {
        var values = [T]()
        values.reserveCapacity(bytes.count / size)
        var start = bytes.startIndex
        while start < bytes.endIndex {
            values.append(try decode(bytes[start..<start + size]))
            start += size
        }
        return values
    }

    private static func readUInt64(_ bytes: ArraySlice<UInt8>, at start: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[start + index]) }
        return value
    }
}
