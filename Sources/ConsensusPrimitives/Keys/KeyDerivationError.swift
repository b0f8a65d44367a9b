import EthereumPrimitives
/// Why an EIP-2333 derivation or an EIP-2334 path is invalid.
public enum KeyDerivationError: Error, Equatable, CustomStringConvertible {
    /// EIP-2333 needs a seed of at least 32 bytes.
    case seedTooShort(Int)
    /// The path is not of the form m/i/j/… with decimal indices below 2^32.
    case invalidPath(String)

    public var description: String {
        switch self {
        case .seedTooShort(let count):
            "key derivation seed has \(count) bytes; EIP-2333 needs at least 32 (use a BIP-39 seed of 64)"
        case .invalidPath(let text):
            "key path \"\(text)\" is invalid; expected m/ followed by decimal indices below 2^32, e.g. m/12381/3600/0/0/0"
        }
    }
}
