import Crypto

/// The seeds of the genesis committees, computed as eth-beacon-genesis does from the EL genesis block hash (which is
/// every randao mix of the genesis state).
enum GenesisSeed {
    /// `sha256(domain ‖ uint64_le(epoch) ‖ mix)`: the spec's `get_seed` with the mix given directly.
    static func seed(domain: [UInt8], epoch: UInt64, mix: [UInt8]) -> [UInt8] {
        sha256(domain + littleEndian(epoch) + mix)
    }

    static func sha256(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }

    static func littleEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }

    /// Indices of validators active at epoch 0: activation epoch 0 and not exited at 0.
    static func activeIndices(_ validators: [Validator]) -> [UInt64] {
        validators.indices.filter { validators[$0].activationEpoch == 0 && validators[$0].exitEpoch > 0 }.map(UInt64.init)
    }
}
