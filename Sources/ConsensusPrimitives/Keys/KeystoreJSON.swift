import EthereumPrimitives
/// The JSON shape of an EIP-2335 version 4 keystore (hex fields without `0x`, as written by deposit-cli).
struct KeystoreJSON: Codable {
    struct Module<Params: Codable>: Codable {
        var function: String
        var params: Params
        var message: String
    }

    /// pbkdf2 uses dklen, c, prf, salt; scrypt uses dklen, n, r, p, salt.
    struct KDFParams: Codable {
        var dklen: Int
        var c: Int?
        var prf: String?
        var n: Int?
        var r: Int?
        var p: Int?
        var salt: String
    }

    struct NoParams: Codable {}

    struct CipherParams: Codable {
        var iv: String
    }

    struct Crypto: Codable {
        var kdf: Module<KDFParams>
        var checksum: Module<NoParams>
        var cipher: Module<CipherParams>
    }

    var crypto: Crypto
    var description: String?
    var pubkey: String?
    var path: String?
    var uuid: String
    var version: Int
}
