import EthereumPrimitives
/// Why bytes are not a valid SSZ encoding of the expected type.
///
/// `path` names the type and field being decoded (e.g. `BeaconState.validators`).
public enum SSZError: Error, Equatable, CustomStringConvertible {
    /// A fixed-size value has the wrong number of bytes.
    case wrongLength(path: String, expected: Int, actual: Int)
    /// A list of fixed-size elements is not a whole number of elements long.
    case lengthNotMultipleOfElement(path: String, elementSize: Int, actual: Int)
    /// A list holds more elements than its limit allows.
    case tooManyElements(path: String, limit: Int, actual: Int)
    /// A container is shorter than its fixed part.
    case tooShort(path: String, minimum: Int, actual: Int)
    /// The first variable-size offset does not point just past the fixed part.
    case firstOffsetMismatch(path: String, expected: Int, actual: Int)
    /// A variable-size offset points before the previous one or past the end of the input.
    case offsetOutOfRange(path: String, offset: Int, lowerBound: Int, upperBound: Int)
    /// A boolean byte is neither 0 nor 1.
    case invalidBoolean(path: String, byte: UInt8)
    /// Bits past the declared length of a bitvector are set.
    case bitvectorPaddingNotZero(path: String)
    /// The consensus fork has no `BeaconState` layout in this implementation.
    case unsupportedFork(ConsensusFork)

    public var description: String {
        let hint = "the input is truncated, corrupt, or not of this type, fork and preset"
        switch self {
        case .wrongLength(let path, let expected, let actual):
            return "SSZ \(path): expected \(expected) bytes, got \(actual); \(hint)"
        case .lengthNotMultipleOfElement(let path, let elementSize, let actual):
            return "SSZ \(path): \(actual) bytes is not a multiple of the \(elementSize)-byte element size; \(hint)"
        case .tooManyElements(let path, let limit, let actual):
            return "SSZ \(path): \(actual) elements exceed the limit of \(limit); \(hint)"
        case .tooShort(let path, let minimum, let actual):
            return "SSZ \(path): \(actual) bytes is shorter than the \(minimum)-byte fixed part; \(hint)"
        case .firstOffsetMismatch(let path, let expected, let actual):
            return "SSZ \(path): first offset is \(actual), expected \(expected) (end of the fixed part); \(hint)"
        case .offsetOutOfRange(let path, let offset, let lowerBound, let upperBound):
            return "SSZ \(path): offset \(offset) is outside \(lowerBound)...\(upperBound); \(hint)"
        case .invalidBoolean(let path, let byte):
            return "SSZ \(path): boolean byte is \(byte), expected 0 or 1; \(hint)"
        case .bitvectorPaddingNotZero(let path):
            return "SSZ \(path): bits past the bitvector length are set; \(hint)"
        case .unsupportedFork(let fork):
            let supported = ConsensusFork.allCases.filter(\.hasBeaconStateSupport).map(\.rawValue)
            return "BeaconState of fork \(fork.rawValue) is not supported; "
                + "use one of \(supported.joined(separator: ", "))"
        }
    }
}
