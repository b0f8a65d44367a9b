import Foundation
import EthereumPrimitives

extension Keystore {
    /// Reads keystore JSON, checking the version, the module functions and the parameter shapes.
    public init(jsonData: Data) throws(KeystoreError) {
        let json: KeystoreJSON
        do {
            json = try JSONDecoder().decode(KeystoreJSON.self, from: jsonData)
        } catch {
            throw .invalidJSON(String(describing: error))
        }
        guard json.version == 4 else { throw .unsupportedVersion(json.version) }
        let crypto = json.crypto
        guard crypto.checksum.function == "sha256" else {
            throw .unsupportedFunction(module: "checksum", function: crypto.checksum.function)
        }
        guard crypto.cipher.function == "aes-128-ctr" else {
            throw .unsupportedFunction(module: "cipher", function: crypto.cipher.function)
        }
        let params = crypto.kdf.params
        guard params.dklen == KeystoreKDF.derivedKeyLength else {
            throw .invalidParameter("kdf.params.dklen", reason: "must be 32, got \(params.dklen)")
        }
        let salt = try Self.hex(params.salt, name: "kdf.params.salt")
        switch crypto.kdf.function {
        case "pbkdf2":
            guard params.prf == "hmac-sha256" else {
                throw .unsupportedFunction(module: "kdf.params.prf", function: params.prf ?? "(missing)")
            }
            guard let c = params.c else { throw .invalidParameter("kdf.params.c", reason: "missing") }
            kdf = .pbkdf2(iterations: c, salt: salt)
        case "scrypt":
            guard let n = params.n, let r = params.r, let p = params.p else {
                throw .invalidParameter("kdf.params", reason: "scrypt needs n, r and p")
            }
            kdf = .scrypt(n: n, r: r, p: p, salt: salt)
        default:
            throw .unsupportedFunction(module: "kdf", function: crypto.kdf.function)
        }
        try Self.validate(kdf)
        checksum = try Self.hex(crypto.checksum.message, name: "checksum.message", count: 32)
        iv = try Self.hex(crypto.cipher.params.iv, name: "cipher.params.iv", count: 16)
        ciphertext = try Self.hex(crypto.cipher.message, name: "cipher.message")
        if let pubkey = json.pubkey, !pubkey.isEmpty {
            let bytes = try Self.hex(pubkey, name: "pubkey")
            do {
                publicKey = try BLSPublicKey(compressed: bytes)
            } catch {
                throw .invalidParameter("pubkey", reason: error.description)
            }
        } else {
            publicKey = nil
        }
        path = json.path
        uuid = json.uuid
        descriptionText = json.description
    }

    /// The keystore as EIP-2335 JSON (pretty-printed, keys sorted, hex without `0x`, `path` "" when unknown).
    public func jsonData() -> Data {
        let params: KeystoreJSON.KDFParams
        let function: String
        switch kdf {
        case .pbkdf2(let iterations, let salt):
            function = "pbkdf2"
            params = .init(dklen: KeystoreKDF.derivedKeyLength, c: iterations, prf: "hmac-sha256", salt: Hex.encode(salt, prefixed: false))
        case .scrypt(let n, let r, let p, let salt):
            function = "scrypt"
            params = .init(dklen: KeystoreKDF.derivedKeyLength, n: n, r: r, p: p, salt: Hex.encode(salt, prefixed: false))
        }
        let json = KeystoreJSON(
            crypto: .init(
                kdf: .init(function: function, params: params, message: ""),
                checksum: .init(function: "sha256", params: .init(), message: Hex.encode(checksum, prefixed: false)),
                cipher: .init(
                    function: "aes-128-ctr", params: .init(iv: Hex.encode(iv, prefixed: false)),
                    message: Hex.encode(ciphertext, prefixed: false)
                )
            ),
            description: descriptionText ?? "",
            pubkey: publicKey.map { Hex.encode($0.compressed, prefixed: false) },
            path: path ?? "",
            uuid: uuid,
            version: 4
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and integers cannot fail.
        return (try? encoder.encode(json)) ?? Data()
    }

    private static func hex(_ text: String, name: String, count: Int? = nil) throws(KeystoreError) -> [UInt8] {
        let bytes: [UInt8]
        do {
            bytes = try [UInt8](hex: text)
        } catch {
            throw .invalidParameter(name, reason: error.description)
        }
        if let count, bytes.count != count {
            throw .invalidParameter(name, reason: "must be \(count) bytes, got \(bytes.count)")
        }
        return bytes
    }
}
