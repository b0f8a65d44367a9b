import Foundation
import EthereumPrimitives

/// EIP-2335 password processing: NFKD-normalize, drop the C0 (U+0000–001F), Delete (U+007F) and C1 (U+0080–009F)
/// control codes, encode as UTF-8.
enum KeystorePassword {
    static func process(_ password: String) -> [UInt8] {
        var kept = String.UnicodeScalarView()
        for scalar in password.decomposedStringWithCompatibilityMapping.unicodeScalars
        where !(0x00...0x1f).contains(scalar.value) && !(0x7f...0x9f).contains(scalar.value) {
            kept.append(scalar)
        }
        return Array(String(kept).utf8)
    }
}
