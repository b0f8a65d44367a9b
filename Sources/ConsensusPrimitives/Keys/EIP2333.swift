import Crypto
import Foundation
import EthereumPrimitives

/// EIP-2333 BLS12-381 key derivation: master key from a seed, child keys through a Lamport-signature tree.
public enum EIP2333 {
    /// The master secret key of a seed (at least 32 bytes; normally a 64-byte BIP-39 seed).
    public static func deriveMasterSK(seed: [UInt8]) throws(KeyDerivationError) -> BLSSecretKey {
        guard seed.count >= 32 else { throw .seedTooShort(seed.count) }
        return BLSSecretKey(validValue: hkdfModR(ikm: seed))
    }

    /// The child secret key at `index` below `parent`.
    public static func deriveChildSK(parent: BLSSecretKey, index: UInt32) -> BLSSecretKey {
        BLSSecretKey(validValue: hkdfModR(ikm: parentSKToLamportPK(parent: parent, index: index)))
    }

    /// The secret key at `path` below the master key of `seed`.
    public static func deriveSK(seed: [UInt8], path: KeyPath) throws(KeyDerivationError) -> BLSSecretKey {
        deriveSK(from: try deriveMasterSK(seed: seed), indices: path.indices)
    }

    /// The key reached from `key` by following `indices`.
    public static func deriveSK(from key: BLSSecretKey, indices: [UInt32]) -> BLSSecretKey {
        indices.reduce(key) { deriveChildSK(parent: $0, index: $1) }
    }

    private static let lamportChunkCount = 255
    private static let keygenSalt = Array("BLS-SIG-KEYGEN-SALT-".utf8)

    /// HKDF_mod_r: a non-zero scalar below r from input key material (L = 48, the salt re-hashed until non-zero).
    static func hkdfModR(ikm: [UInt8], keyInfo: [UInt8] = []) -> UInt256 {
        let outputLength = 48
        var salt = keygenSalt
        while true {
            salt = Array(SHA256.hash(data: salt))
            let prk = HKDF<SHA256>.extract(inputKeyMaterial: SymmetricKey(data: ikm + [0]), salt: salt)
            let okm = HKDF<SHA256>.expand(
                pseudoRandomKey: prk, info: keyInfo + [0, UInt8(outputLength)], outputByteCount: outputLength
            )
            let secret = ScalarField.reduce(bigEndian: okm.withUnsafeBytes { Array($0) })
            if !secret.isZero { return secret }
        }
    }

    /// IKM_to_lamport_SK: HKDF(salt, IKM, info = "", L = 32·255), i.e. the 255 32-byte Lamport chunks back to back.
    static func ikmToLamportSK(ikm: [UInt8], salt: [UInt8]) -> [UInt8] {
        let prk = HKDF<SHA256>.extract(inputKeyMaterial: SymmetricKey(data: ikm), salt: salt)
        return HKDFSHA256.expand(
            pseudoRandomKey: prk.withUnsafeBytes { Array($0) }, info: [], outputByteCount: 32 * lamportChunkCount
        )
    }

    /// parent_SK_to_lamport_PK: the compressed Lamport public key that seeds the child at `index`.
    static func parentSKToLamportPK(parent: BLSSecretKey, index: UInt32) -> [UInt8] {
        let salt = withUnsafeBytes(of: index.bigEndian) { Array($0) }
        let ikm = parent.bytes
        var compressor = SHA256()
        for lamportKey in [ikmToLamportSK(ikm: ikm, salt: salt), ikmToLamportSK(ikm: ikm.map { ~$0 }, salt: salt)] {
            lamportKey.withUnsafeBytes { chunks in
                for start in stride(from: 0, to: chunks.count, by: 32) {
                    SHA256.hash(data: UnsafeRawBufferPointer(rebasing: chunks[start ..< start + 32]))
                        .withUnsafeBytes { compressor.update(bufferPointer: $0) }
                }
            }
        }
        return Array(compressor.finalize())
    }
}
