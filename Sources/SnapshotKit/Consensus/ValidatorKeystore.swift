import Dispatch
import Foundation

/// A validator's signing key encrypted as an EIP-2335 keystore, with its password.
public struct ValidatorKeystore: Sendable {
    /// The 48-byte public key.
    public let pubkey: [UInt8]
    /// The keystore (its `path` is the signing key's EIP-2334 path).
    public let keystore: Keystore
    /// The password: base64url of 32 random bytes, without padding (as eth2-val-tools writes them).
    public let password: String

    /// Encrypts every validator's signing key under a fresh random password, in parallel.
    public static func encrypt(
        _ validators: [DerivedValidator], kdf: KeystoreKDFParameters
    ) throws(KeystoreError) -> [ValidatorKeystore] {
        let count = validators.count
        let results = [Result<ValidatorKeystore, KeystoreError>](unsafeUninitializedCapacity: count) { buffer, done in
            // Each iteration initializes its own element; no two iterations touch the same memory.
            nonisolated(unsafe) let first = buffer.baseAddress
            DispatchQueue.concurrentPerform(iterations: count) { index in
                let validator = validators[index]
                let password = randomPassword()
                let result = Result { () throws(KeystoreError) -> ValidatorKeystore in
                    let keystore = try Keystore.encrypt(
                        secretKey: validator.signingKey, password: password, kdf: kdf,
                        path: validator.signingPath.description)
                    return ValidatorKeystore(pubkey: validator.validator.pubkey, keystore: keystore, password: password)
                }
                (first! + index).initialize(to: result)
            }
            done = count
        }
        return try results.map { result throws(KeystoreError) in try result.get() }
    }

    private static func randomPassword() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
