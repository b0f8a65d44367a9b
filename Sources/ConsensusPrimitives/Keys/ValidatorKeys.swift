import Crypto
import Dispatch
import EthereumPrimitives

/// The keys of one validator derived from a mnemonic (EIP-2334 paths).
public struct ValidatorKeys: Sendable, Hashable {
    /// The validator key index i.
    public let index: UInt32
    /// The signing (voting) key at `m/12381/3600/i/0/0`.
    public let signingKey: BLSSecretKey
    public let signingPublicKey: BLSPublicKey
    /// The withdrawal key at `m/12381/3600/i/0`.
    public let withdrawalKey: BLSSecretKey
    public let withdrawalPublicKey: BLSPublicKey

    /// BLS (0x00) withdrawal credentials of the withdrawal key.
    public var blsWithdrawalCredentials: [UInt8] { withdrawalPublicKey.blsWithdrawalCredentials }
}

extension BLSPublicKey {
    /// BLS withdrawal credentials: 0x00 ‖ sha256(compressed key)[1..<32].
    public var blsWithdrawalCredentials: [UInt8] {
        [0x00] + SHA256.hash(data: compressed).dropFirst()
    }
}

/// Derives validator keys from one seed, reusing the `m/12381/3600` key for every index.
public struct ValidatorKeyDeriver: Sendable {
    private let prefixKey: BLSSecretKey

    /// From a BIP-39 seed (or any EIP-2333 seed of at least 32 bytes).
    public init(seed: [UInt8]) throws(KeyDerivationError) {
        prefixKey = EIP2333.deriveSK(from: try EIP2333.deriveMasterSK(seed: seed), indices: KeyPath.validatorKeyPrefix.indices)
    }

    /// From a validated mnemonic and an optional BIP-39 passphrase (devnets use none).
    public init(mnemonic: Mnemonic, passphrase: String = "") throws {
        try self.init(seed: mnemonic.seed(passphrase: passphrase))
    }

    /// The signing and withdrawal keys of validator key index `index`.
    public func keys(index: UInt32) -> ValidatorKeys {
        let withdrawalKey = EIP2333.deriveSK(from: prefixKey, indices: [index, 0])
        let signingKey = EIP2333.deriveChildSK(parent: withdrawalKey, index: 0)
        return ValidatorKeys(
            index: index,
            signingKey: signingKey,
            signingPublicKey: signingKey.publicKey,
            withdrawalKey: withdrawalKey,
            withdrawalPublicKey: withdrawalKey.publicKey
        )
    }

    /// The keys of every validator key index in `indices`, in order, derived in parallel on all cores.
    public func keys(indices: Range<UInt32>) -> [ValidatorKeys] {
        let count = indices.count
        guard count > 0 else { return [] }
        return [ValidatorKeys](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            // Each iteration initializes its own element; no two iterations touch the same memory.
            nonisolated(unsafe) let first = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: count) { offset in
                (first + offset).initialize(to: keys(index: indices.lowerBound + UInt32(offset)))
            }
            initializedCount = count
        }
    }
}
