import Crypto
import Foundation
import _CryptoExtras
import EthereumPrimitives

/// An EIP-2335 (version 4) BLS keystore: a secret key encrypted under a password.
public struct Keystore: Sendable, Hashable {
    /// The password-hardening function and its salt.
    public let kdf: KeystoreKDF
    /// sha256(DK[16..<32] ‖ ciphertext), which tells a wrong password from a right one.
    public let checksum: [UInt8]
    /// The AES-128-CTR initial counter block (16 bytes).
    public let iv: [UInt8]
    /// The encrypted secret key.
    public let ciphertext: [UInt8]
    /// The public key the keystore declares (`pubkey`), if any.
    public let publicKey: BLSPublicKey?
    /// The EIP-2334 derivation path, if recorded (eth2-val-tools keystores have none).
    public let path: String?
    public let uuid: String
    /// The free-text `description` field.
    public let descriptionText: String?

    /// Encrypts `secretKey` under `password`. Salt (32 bytes), IV (16 bytes) and UUID are random unless given;
    /// `path` is the EIP-2334 path to record ("" when not derived from a known path).
    public static func encrypt(
        secretKey: BLSSecretKey,
        password: String,
        kdf parameters: KeystoreKDFParameters,
        path: String = "",
        description: String = "",
        salt: [UInt8]? = nil,
        iv: [UInt8]? = nil,
        uuid: UUID? = nil
    ) throws(KeystoreError) -> Keystore {
        let iv = iv ?? randomBytes(16)
        guard iv.count == 16 else { throw .invalidParameter("cipher.params.iv", reason: "must be 16 bytes, got \(iv.count)") }
        let kdf = parameters.with(salt: salt ?? randomBytes(32))
        try validate(kdf)
        let derivedKey = try kdf.deriveKey(password: KeystorePassword.process(password))
        let ciphertext = try aes128CTR(secretKey.bytes, key: derivedKey, iv: iv)
        return Keystore(
            kdf: kdf,
            checksum: checksum(derivedKey: derivedKey, ciphertext: ciphertext),
            iv: iv,
            ciphertext: ciphertext,
            publicKey: secretKey.publicKey,
            path: path,
            uuid: (uuid ?? UUID()).uuidString.lowercased(),
            descriptionText: description
        )
    }

    /// Decrypts the secret key. Throws `.wrongPassword` when the checksum does not match, and
    /// `.publicKeyMismatch` when the secret does not belong to the declared `pubkey`.
    public func decrypt(password: String) throws(KeystoreError) -> BLSSecretKey {
        let derivedKey = try kdf.deriveKey(password: KeystorePassword.process(password))
        guard Keystore.checksum(derivedKey: derivedKey, ciphertext: ciphertext) == checksum else { throw .wrongPassword }
        let secret = try Keystore.aes128CTR(ciphertext, key: derivedKey, iv: iv)
        let secretKey: BLSSecretKey
        do {
            secretKey = try BLSSecretKey(bigEndian: secret)
        } catch {
            throw .invalidSecret(error)
        }
        if let publicKey, secretKey.publicKey != publicKey {
            throw .publicKeyMismatch(expected: publicKey.hexString, actual: secretKey.publicKey.hexString)
        }
        return secretKey
    }

    private static func checksum(derivedKey: [UInt8], ciphertext: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: derivedKey[16..<32] + ciphertext))
    }

    private static func aes128CTR(_ input: [UInt8], key derivedKey: [UInt8], iv: [UInt8]) throws(KeystoreError) -> [UInt8] {
        do {
            let nonce = try AES._CTR.Nonce(nonceBytes: iv)
            return Array(try AES._CTR.encrypt(input, using: SymmetricKey(data: derivedKey[0..<16]), nonce: nonce))
        } catch {
            throw .keyDerivationFailed("AES-128-CTR failed: \(error)")
        }
    }

    private static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// Rejects KDF parameters that EIP-2335 readers would refuse or that cannot run.
    static func validate(_ kdf: KeystoreKDF) throws(KeystoreError) {
        switch kdf {
        case .pbkdf2(let iterations, _):
            guard iterations >= 1 else { throw .invalidParameter("kdf.params.c", reason: "must be at least 1, got \(iterations)") }
        case .scrypt(let n, let r, let p, _):
            guard n > 1, n & (n - 1) == 0 else { throw .invalidParameter("kdf.params.n", reason: "must be a power of two above 1, got \(n)") }
            guard r >= 1, p >= 1 else { throw .invalidParameter("kdf.params.r/p", reason: "must be at least 1, got r=\(r) p=\(p)") }
        }
    }
}
