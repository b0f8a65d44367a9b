import EthereumPrimitives
/// Why an EIP-2335 keystore cannot be read, decrypted or written.
public enum KeystoreError: Error, Equatable, CustomStringConvertible {
    /// The text is not keystore JSON (detail from the decoder).
    case invalidJSON(String)
    /// Only version 4 (EIP-2335) keystores are supported.
    case unsupportedVersion(Int)
    /// A crypto module names a function this implementation does not know.
    case unsupportedFunction(module: String, function: String)
    /// A parameter or message has the wrong form (name and reason).
    case invalidParameter(String, reason: String)
    /// The checksum does not match: the password is wrong (or the file is corrupt).
    case wrongPassword
    /// The decrypted secret is not a valid BLS secret key.
    case invalidSecret(BLSError)
    /// The decrypted secret's public key differs from the keystore's `pubkey`.
    case publicKeyMismatch(expected: String, actual: String)
    /// The key-derivation function failed (e.g. scrypt parameters needing too much memory).
    case keyDerivationFailed(String)

    public var description: String {
        switch self {
        case .invalidJSON(let detail):
            "keystore is not valid EIP-2335 JSON: \(detail)"
        case .unsupportedVersion(let version):
            "keystore version \(version) is not supported; only EIP-2335 version 4 keystores can be read"
        case .unsupportedFunction(let module, let function):
            "keystore \(module) function \"\(function)\" is not supported (kdf: pbkdf2 with hmac-sha256 or scrypt; checksum: sha256; cipher: aes-128-ctr)"
        case .invalidParameter(let name, let reason):
            "keystore parameter \(name) is invalid: \(reason)"
        case .wrongPassword:
            "keystore password is wrong: the checksum does not match (check the password file, or the keystore is corrupt)"
        case .invalidSecret(let error):
            "keystore decrypts to an invalid secret key: \(error)"
        case .publicKeyMismatch(let expected, let actual):
            "keystore pubkey \(expected) does not match its decrypted secret key, whose pubkey is \(actual); the file is inconsistent"
        case .keyDerivationFailed(let detail):
            "keystore key derivation failed: \(detail)"
        }
    }
}
