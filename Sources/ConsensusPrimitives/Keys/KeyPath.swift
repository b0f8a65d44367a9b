import EthereumPrimitives
/// An EIP-2334 key path such as `m/12381/3600/0/0/0`: the child indices below the master key.
public struct KeyPath: Sendable, Hashable, CustomStringConvertible {
    /// The child indices after `m`, in order.
    public let indices: [UInt32]

    public init(indices: [UInt32]) {
        self.indices = indices
    }

    /// Parses `m` followed by `/index` components (decimal, below 2^32).
    public init(_ text: String) throws(KeyDerivationError) {
        let components = text.split(separator: "/", omittingEmptySubsequences: false)
        guard components.first == "m" else { throw .invalidPath(text) }
        var indices = [UInt32]()
        for component in components.dropFirst() {
            guard !component.isEmpty, component.allSatisfy(\.isASCII), component.allSatisfy(\.isNumber),
                  let index = UInt32(component)
            else { throw .invalidPath(text) }
            indices.append(index)
        }
        self.indices = indices
    }

    /// `m/12381/3600`: the EIP-2334 prefix of Ethereum validator keys (purpose 12381, coin type 3600).
    public static let validatorKeyPrefix = KeyPath(indices: [12381, 3600])

    /// `m/12381/3600/{index}/0/0`: the signing key of validator `index`.
    public static func validatorSigningKey(index: UInt32) -> KeyPath { KeyPath(indices: [12381, 3600, index, 0, 0]) }

    /// `m/12381/3600/{index}/0`: the withdrawal key of validator `index`.
    public static func validatorWithdrawalKey(index: UInt32) -> KeyPath { KeyPath(indices: [12381, 3600, index, 0]) }

    public var description: String { (["m"] + indices.map(String.init)).joined(separator: "/") }
}
