import Crypto
import Foundation
import _CryptoExtras
import EthereumPrimitives

/// A BIP-39 mnemonic in the English word list, with its word count and checksum verified.
public struct Mnemonic: Sendable, Hashable {
    /// The normalized sentence the seed is derived from: NFKD, surrounding whitespace trimmed.
    public let phrase: String
    /// The words, in order.
    public let words: [String]
    /// The entropy the words encode (16 to 32 bytes).
    public let entropy: [UInt8]

    /// Parses and validates a sentence (words separated by whitespace).
    public init(_ text: String) throws(MnemonicError) {
        let phrase = Mnemonic.normalize(text).trimmingCharacters(in: .whitespacesAndNewlines)
        let words = phrase.split(whereSeparator: \.isWhitespace).map(String.init)
        guard [12, 15, 18, 21, 24].contains(words.count) else { throw .wrongWordCount(words.count) }
        var bits = [Bool]()
        bits.reserveCapacity(words.count * 11)
        for (position, word) in words.enumerated() {
            guard let index = BIP39EnglishWordList.indices[word] else { throw .unknownWord(word, position: position + 1) }
            for shift in stride(from: 10, through: 0, by: -1) { bits.append((index >> shift) & 1 == 1) }
        }
        let entropyBitCount = bits.count * 32 / 33
        let entropy = Mnemonic.bytes(of: bits[0..<entropyBitCount])
        let checksumBits = Mnemonic.bits(of: Array(SHA256.hash(data: entropy)))[0..<(bits.count - entropyBitCount)]
        guard checksumBits.elementsEqual(bits[entropyBitCount...]) else { throw .invalidChecksum }
        self.phrase = phrase
        self.words = words
        self.entropy = entropy
    }

    /// The 64-byte BIP-39 seed of this mnemonic.
    public func seed(passphrase: String = "") throws -> [UInt8] {
        try Mnemonic.seed(phrase: phrase, passphrase: passphrase)
    }

    /// The 64-byte BIP-39 seed of any sentence, without validation (BIP-39 defines the seed for any text, in
    /// any language): PBKDF2-HMAC-SHA512, 2048 rounds, password NFKD(sentence), salt NFKD("mnemonic" + passphrase).
    public static func seed(phrase: String, passphrase: String = "") throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(normalize(phrase).utf8),
            salt: Array(normalize("mnemonic" + passphrase).utf8),
            using: .sha512,
            outputByteCount: 64,
            unsafeUncheckedRounds: 2048
        )
        return key.withUnsafeBytes { Array($0) }
    }

    private static func normalize(_ text: String) -> String { text.decomposedStringWithCompatibilityMapping }

    private static func bits(of bytes: [UInt8]) -> [Bool] {
        bytes.flatMap { byte in (0..<8).map { byte & (0x80 >> $0) != 0 } }
    }

    private static func bytes(of bits: ArraySlice<Bool>) -> [UInt8] {
        stride(from: bits.startIndex, to: bits.endIndex, by: 8).map { start in
            bits[start..<start + 8].reduce(0) { $0 << 1 | ($1 ? 1 : 0) }
        }
    }
}
