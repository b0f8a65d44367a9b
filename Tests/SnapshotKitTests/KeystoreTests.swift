import Foundation
import Testing
@testable import ConsensusPrimitives
@testable import SnapshotKit

@Suite struct KeystoreTests {
    /// The EIP-2335 test-vector password and secret, from ethstaker/ethstaker-deposit-cli @ 902eb090
    /// tests/test_key_handling/test_keystore.py (`test_vector_password`, `test_vector_secret`).
    static let vectorPassword = "𝔱𝔢𝔰𝔱𝔭𝔞𝔰𝔰𝔴𝔬𝔯𝔡🔑"
    static let vectorSecret = "0x000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f"

    /// The two EIP-2335 vectors; note that keystore-pbkdf2.json holds the scrypt one and vice versa (as copied).
    @Test(arguments: ["keystore-pbkdf2.json", "keystore-scrypt.json"])
    func decryptsEIP2335Vector(file: String) throws {
        let keystore = try Keystore(jsonData: KeyFixture.data(file))
        let secretKey = try keystore.decrypt(password: Self.vectorPassword)
        #expect(secretKey.bytes.hexString == Self.vectorSecret)
        #expect(keystore.publicKey == secretKey.publicKey)
    }

    @Test func vectorsCoverBothKDFs() throws {
        let kdfs = try ["keystore-pbkdf2.json", "keystore-scrypt.json"].map { try Keystore(jsonData: KeyFixture.data($0)).kdf }
        #expect(kdfs.contains { if case .pbkdf2(262_144, _) = $0 { true } else { false } })
        #expect(kdfs.contains { if case .scrypt(262_144, 8, 1, _) = $0 { true } else { false } })
    }

    /// Encrypting the vector secret with the vector's salt and IV reproduces its checksum and ciphertext
    /// (what deposit-cli's `test_generated_keystores` checks).
    @Test(arguments: ["keystore-pbkdf2.json", "keystore-scrypt.json"])
    func encryptionReproducesEIP2335Vector(file: String) throws {
        let vector = try Keystore(jsonData: KeyFixture.data(file))
        let parameters: KeystoreKDFParameters
        let salt: [UInt8]
        switch vector.kdf {
        case .pbkdf2(let iterations, let vectorSalt): (parameters, salt) = (.pbkdf2(iterations: iterations), vectorSalt)
        case .scrypt(let n, let r, let p, let vectorSalt): (parameters, salt) = (.scrypt(n: n, r: r, p: p), vectorSalt)
        }
        let secretKey = try BLSSecretKey(bigEndian: [UInt8](hex: Self.vectorSecret))
        let written = try Keystore.encrypt(
            secretKey: secretKey, password: Self.vectorPassword, kdf: parameters, salt: salt, iv: vector.iv
        )
        #expect(written.checksum == vector.checksum)
        #expect(written.ciphertext == vector.ciphertext)
        #expect(written.kdf == vector.kdf)
    }

    @Test func wrongPasswordIsRejected() throws {
        let keystore = try Keystore(jsonData: KeyFixture.data("keystore-scrypt.json"))  // the pbkdf2 vector
        #expect(throws: KeystoreError.wrongPassword) { try keystore.decrypt(password: Self.vectorPassword + "incorrect") }
    }

    struct ManifestEntry: Decodable {
        let pubkey: String
        let path: String
        let secret_key: String
        let kdf: String
        let keystore: String
        let password_file: String
        let password: String
    }

    /// The cl-genesis keystores (eth2-val-tools layout, pbkdf2 c=2 and scrypt n=262144) listed in MANIFEST.json.
    @Test func decryptsClGenesisKeystores() throws {
        let manifest = try JSONDecoder().decode([ManifestEntry].self, from: KeyFixture.data("cl-genesis/keystores/MANIFEST.json"))
        #expect(manifest.count == 4)
        for entry in manifest {
            let keystore = try Keystore(jsonData: KeyFixture.data("cl-genesis/keystores/\(entry.keystore)"))
            let password = try KeyFixture.text("cl-genesis/keystores/\(entry.password_file)")
            #expect(password == entry.password)
            let secretKey = try keystore.decrypt(password: password)
            #expect(secretKey.bytes.hexString == entry.secret_key, "\(entry.keystore)")
            let directory = entry.keystore.split(separator: "/").dropLast().last.map(String.init)
            #expect(secretKey.publicKey.hexString == directory, "\(entry.keystore)")
            #expect(secretKey.publicKey.hexString == entry.pubkey)
            switch keystore.kdf {
            case .pbkdf2(let iterations, _): #expect(entry.kdf == "pbkdf2" && iterations == 2 && keystore.path == nil)
            case .scrypt(let n, _, _, _): #expect(entry.kdf == "scrypt" && n == 262_144 && keystore.path == entry.path)
            }
        }
    }

    /// The devnet preset with the file's salt, IV and UUID writes the cl-genesis pbkdf2-c2 keystore's crypto exactly.
    @Test func devnetPresetReproducesClGenesisKeystore() throws {
        let file = "cl-genesis/keystores/pbkdf2-c2/keys/0xaaf6c1251e73fb600624937760fef218aace5b253bf068ed45398aeb29d821e4d2899343ddcbbe37cb3f6cf500dff26c/voting-keystore.json"
        let vector = try Keystore(jsonData: KeyFixture.data(file))
        guard case .pbkdf2(_, let salt) = vector.kdf else { Issue.record("expected a pbkdf2 keystore"); return }
        let written = try Keystore.encrypt(
            secretKey: try BLSSecretKey(bigEndian: [UInt8](hex: "0x0dce41fa73ae9f6bdfd51df4d422d75eee174553dba5fd450c4437e4ed3fc903")),
            password: "AFhLlpF6pHcfd0auKe26w3nLH_SxARfcouUFfywYueM=",
            kdf: .devnetPBKDF2, salt: salt, iv: vector.iv, uuid: UUID(uuidString: vector.uuid)
        )
        #expect(written.kdf == vector.kdf && written.checksum == vector.checksum && written.ciphertext == vector.ciphertext)
        #expect(written.uuid == vector.uuid && written.publicKey == vector.publicKey)
    }

    @Test func writtenKeystoreRoundTripsThroughJSON() throws {
        let secretKey = try BLSSecretKey(bigEndian: [UInt8](hex: Self.vectorSecret))
        let written = try Keystore.encrypt(
            secretKey: secretKey, password: "devnet password", kdf: .devnetPBKDF2, path: "m/12381/3600/0/0/0"
        )
        let read = try Keystore(jsonData: written.jsonData())
        #expect(read == written)
        #expect(try read.decrypt(password: "devnet password") == secretKey)
        #expect(throws: KeystoreError.wrongPassword) { try read.decrypt(password: "devnet passwor") }
        let text = String(decoding: written.jsonData(), as: UTF8.self)
        #expect(text.contains("\"path\" : \"m/12381/3600/0/0/0\""))
        #expect(text.contains("\"version\" : 4"))
        #expect(UUID(uuidString: written.uuid) != nil && written.uuid == written.uuid.lowercased())

        let other = try Keystore.encrypt(secretKey: secretKey, password: "devnet password", kdf: .devnetPBKDF2)
        #expect(other.iv != written.iv && other.kdf != written.kdf && other.uuid != written.uuid)
    }

    /// Both KDFs, including an empty password (EIP-2335 allows one; it is also what control codes alone reduce to).
    @Test(arguments: ["pw", "", "\t"])
    func scryptAndPBKDF2KeystoresRoundTrip(password: String) throws {
        let secretKey = try BLSSecretKey(UInt256(123_456_789))
        for kdf in [KeystoreKDFParameters.scrypt(n: 1024, r: 8, p: 1), .devnetPBKDF2] {
            let written = try Keystore.encrypt(secretKey: secretKey, password: password, kdf: kdf)
            #expect(try Keystore(jsonData: written.jsonData()).decrypt(password: password) == secretKey)
        }
    }

    @Test func presetsAreTheEIP2335Defaults() {
        #expect(KeystoreKDFParameters.standardPBKDF2 == .pbkdf2(iterations: 262_144))
        #expect(KeystoreKDFParameters.standardScrypt == .scrypt(n: 262_144, r: 8, p: 1))
        #expect(KeystoreKDFParameters.devnetPBKDF2 == .pbkdf2(iterations: 2))
    }

    /// deposit-cli test_keystore.py `test_process_password` cases, EIP-2335's NFKD example, and DEL/C1 codes.
    @Test(arguments: [
        ("\u{07}", ""), ("\u{08}", ""), ("\t", ""), ("a", "a"), ("abc", "abc"), ("a\u{08}c", "ac"),
        (vectorPassword, "testpassword🔑"), ("a\u{7f}b\u{85}c\u{9f}d\u{a0}", "abcd "),
    ])
    func processesPasswords(password: String, processed: String) {
        #expect(KeystorePassword.process(password) == Array(processed.utf8))
    }

    @Test func rejectsUnsupportedOrMalformedKeystores() throws {
        let original = try KeyFixture.text("keystore-scrypt.json")
        func parse(_ text: String) throws -> Keystore { try Keystore(jsonData: Data(text.utf8)) }
        #expect(throws: KeystoreError.unsupportedVersion(3)) { try parse(original.replacingOccurrences(of: "\"version\": 4", with: "\"version\": 3")) }
        #expect(throws: KeystoreError.unsupportedFunction(module: "cipher", function: "aes-256-ctr")) {
            try parse(original.replacingOccurrences(of: "aes-128-ctr", with: "aes-256-ctr"))
        }
        #expect(throws: KeystoreError.unsupportedFunction(module: "kdf.params.prf", function: "hmac-sha512")) {
            try parse(original.replacingOccurrences(of: "hmac-sha256", with: "hmac-sha512"))
        }
        #expect(throws: KeystoreError.invalidParameter("cipher.params.iv", reason: "must be 16 bytes, got 15")) {
            try parse(original.replacingOccurrences(of: "264daa3f303d7259501c93d997d84fe6", with: "264daa3f303d7259501c93d997d84f"))
        }
        #expect(throws: (any Error).self) { try parse("{\"version\": 4}") }
    }

    @Test func reportsMismatchedPublicKey() throws {
        let secretKey = try BLSSecretKey(UInt256(1))
        let written = try Keystore.encrypt(secretKey: secretKey, password: "pw", kdf: .devnetPBKDF2)
        let json = String(decoding: written.jsonData(), as: UTF8.self)
        let ownKey = Hex.encode(secretKey.publicKey.compressed, prefixed: false)
        let otherKey = Hex.encode(try BLSSecretKey(UInt256(2)).publicKey.compressed, prefixed: false)
        let keystore = try Keystore(jsonData: Data(json.replacingOccurrences(of: ownKey, with: otherKey).utf8))
        #expect(throws: KeystoreError.publicKeyMismatch(expected: "0x" + otherKey, actual: "0x" + ownKey)) {
            try keystore.decrypt(password: "pw")
        }
    }
}
