import EthereumPrimitives
/// Why a text is not a valid BIP-39 English mnemonic.
public enum MnemonicError: Error, Equatable, CustomStringConvertible {
    /// BIP-39 mnemonics have 12, 15, 18, 21 or 24 words.
    case wrongWordCount(Int)
    /// A word (1-based position) is not in the BIP-39 English word list.
    case unknownWord(String, position: Int)
    /// The words are all valid but their checksum bits do not match the entropy (typo or wrong word order).
    case invalidChecksum

    public var description: String {
        switch self {
        case .wrongWordCount(let count):
            "mnemonic has \(count) words; a BIP-39 mnemonic has 12, 15, 18, 21 or 24"
        case .unknownWord(let word, let position):
            "mnemonic word \(position) \"\(word)\" is not in the BIP-39 English word list; check its spelling"
        case .invalidChecksum:
            "mnemonic checksum does not match; a word is wrong or the words are out of order"
        }
    }
}
