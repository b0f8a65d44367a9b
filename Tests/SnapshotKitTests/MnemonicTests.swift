import Foundation
import Testing
@testable import SnapshotKit

@Suite struct MnemonicTests {
    /// mnemonic.json: language → [entropy, sentence, seed], all with passphrase "TREZOR" (ethstaker-deposit-cli).
    static func vectors() throws -> [String: [[String]]] {
        try #require(JSONSerialization.jsonObject(with: KeyFixture.data("mnemonic.json")) as? [String: [[String]]])
    }

    @Test func englishVectorsValidateAndGiveTheirEntropyAndSeed() throws {
        let english = try #require(try Self.vectors()["english"])
        #expect(english.count == 24)
        for vector in english {
            let mnemonic = try Mnemonic(vector[1])
            #expect(mnemonic.entropy.hexString == "0x" + vector[0], "\(vector[1])")
            #expect(try mnemonic.seed(passphrase: "TREZOR").hexString == "0x" + vector[2], "\(vector[1])")
        }
    }

    /// Other languages check the seed function alone (NFKD of Japanese, Korean, accented words…).
    @Test func everyLanguageGivesTheExpectedSeed() throws {
        var count = 0
        for (language, vectors) in try Self.vectors() {
            for vector in vectors {
                #expect(try Mnemonic.seed(phrase: vector[1], passphrase: "TREZOR").hexString == "0x" + vector[2], "\(language): \(vector[1])")
                count += 1
            }
        }
        #expect(count == 208)
    }

    @Test func rejectsWrongWordCount() {
        #expect(throws: MnemonicError.wrongWordCount(11)) {
            try Mnemonic("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about")
        }
    }

    @Test func rejectsUnknownWord() {
        #expect(throws: MnemonicError.unknownWord("abandonn", position: 2)) {
            try Mnemonic("abandon abandonn abandon abandon abandon abandon abandon abandon abandon abandon abandon about")
        }
    }

    @Test func rejectsBadChecksum() {
        #expect(throws: MnemonicError.invalidChecksum) {
            try Mnemonic("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon")
        }
    }

    @Test func trimsSurroundingWhitespace() throws {
        let mnemonic = try Mnemonic("  abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about\n")
        #expect(mnemonic.phrase.hasPrefix("abandon") && mnemonic.phrase.hasSuffix("about"))
        #expect(mnemonic.words.count == 12)
    }
}
