import Foundation
import _CryptoExtras
import EthereumPrimitives

/// The password-hardening function of an EIP-2335 keystore, with its salt. The derived key is always 32 bytes.
public enum KeystoreKDF: Sendable, Hashable {
    /// PBKDF2 with HMAC-SHA256 and `iterations` rounds (the JSON `c`).
    case pbkdf2(iterations: Int, salt: [UInt8])
    /// scrypt with cost `n` (a power of two), block size `r` and parallelism `p`.
    case scrypt(n: Int, r: Int, p: Int, salt: [UInt8])

    /// Length of the derived key: bytes 0..<16 are the AES-128 key, 16..<32 feed the checksum.
    static let derivedKeyLength = 32

    /// The 32-byte decryption key for a processed password.
    func deriveKey(password: [UInt8]) throws(KeystoreError) -> [UInt8] {
        do {
            let key = switch self {
            case .pbkdf2(let iterations, let salt):
                try KDF.Insecure.PBKDF2.deriveKey(
                    from: password, salt: salt, using: .sha256,
                    outputByteCount: Self.derivedKeyLength, unsafeUncheckedRounds: iterations
                )
            case .scrypt(let n, let r, let p, let salt):
                try KDF.Scrypt.deriveKey(
                    from: password, salt: salt, outputByteCount: Self.derivedKeyLength, rounds: n, blockSize: r, parallelism: p
                )
            }
            return key.withUnsafeBytes { Array($0) }
        } catch {
            throw .keyDerivationFailed(String(describing: error))
        }
    }
}

/// KDF choices for writing keystores (the salt is added at encryption time).
public enum KeystoreKDFParameters: Sendable, Hashable {
    case pbkdf2(iterations: Int)
    case scrypt(n: Int, r: Int, p: Int)

    /// PBKDF2-HMAC-SHA256 with c = 262,144: the EIP-2335 / deposit-cli default for pbkdf2.
    public static let standardPBKDF2 = KeystoreKDFParameters.pbkdf2(iterations: 262_144)
    /// scrypt with n = 262,144, r = 8, p = 1: the EIP-2335 / deposit-cli default.
    public static let standardScrypt = KeystoreKDFParameters.scrypt(n: 262_144, r: 8, p: 1)
    /// PBKDF2 with c = 2: near-instant, for throwaway devnet keys only (what eth2-val-tools `--insecure` writes).
    public static let devnetPBKDF2 = KeystoreKDFParameters.pbkdf2(iterations: 2)

    func with(salt: [UInt8]) -> KeystoreKDF {
        switch self {
        case .pbkdf2(let iterations): .pbkdf2(iterations: iterations, salt: salt)
        case .scrypt(let n, let r, let p): .scrypt(n: n, r: r, p: p, salt: salt)
        }
    }
}
