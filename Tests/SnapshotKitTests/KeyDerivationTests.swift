import Crypto
import Foundation
import Testing
@testable import ConsensusPrimitives
@testable import SnapshotKit

@Suite struct KeyDerivationTests {
    @Test func treeKDFVectors() throws {
        let root = try #require(try KeyFixture.jsonQuotingLargeIntegers("tree_kdf.json") as? [String: Any])
        let cases = try #require(root["kdf_tests"] as? [[String: Any]])
        #expect(cases.count == 4)
        for vector in cases {
            let seed = try [UInt8](hex: try #require(vector["seed"] as? String))
            let master = try EIP2333.deriveMasterSK(seed: seed)
            #expect(master.value == UInt256(decimal: try #require(vector["master_SK"] as? String)))
            let index = try #require(vector["child_index"] as? Int)
            let child = EIP2333.deriveChildSK(parent: master, index: UInt32(index))
            #expect(child.value == UInt256(decimal: try #require(vector["child_SK"] as? String)))
        }
    }

    @Test func intermediateVectorFromMnemonicThroughLamportKeys() throws {
        let vector = try #require(try KeyFixture.jsonQuotingLargeIntegers("tree_kdf_intermediate.json") as? [String: Any])
        let seed = try Mnemonic(try #require(vector["mnemonic"] as? String))
            .seed(passphrase: try #require(vector["password"] as? String))
        #expect(seed.hexString == "0x" + (try #require(vector["seed"] as? String)))

        let master = try EIP2333.deriveMasterSK(seed: seed)
        #expect(master.value == UInt256(decimal: try #require(vector["master_SK"] as? String)))

        let index = UInt32(try #require(vector["child_index"] as? Int))
        let salt = withUnsafeBytes(of: index.bigEndian) { Array($0) }
        let chunks = { (okm: [UInt8]) in stride(from: 0, to: okm.count, by: 32).map { Hex.encode(okm[$0 ..< $0 + 32], prefixed: false) } }
        let lamport0 = chunks(EIP2333.ikmToLamportSK(ikm: master.bytes, salt: salt))
        let lamport1 = chunks(EIP2333.ikmToLamportSK(ikm: master.bytes.map { ~$0 }, salt: salt))
        #expect(lamport0 == (try #require(vector["lamport_0"] as? [String])))
        #expect(lamport1 == (try #require(vector["lamport_1"] as? [String])))

        let compressed = EIP2333.parentSKToLamportPK(parent: master, index: index)
        #expect(Hex.encode(compressed, prefixed: false) == (try #require(vector["compressed_lamport_PK"] as? String)))

        let child = EIP2333.deriveChildSK(parent: master, index: index)
        #expect(child.value == UInt256(decimal: try #require(vector["child_SK"] as? String)))
        #expect(try EIP2333.deriveSK(seed: seed, path: KeyPath(try #require(vector["path"] as? String))) == child)
    }

    /// RFC 5869 test case 1 (SHA-256), and agreement with swift-crypto's HKDF for long outputs and long keys.
    @Test func hkdfExpandMatchesRFC5869AndSwiftCrypto() throws {
        let prk = try [UInt8](hex: "0x077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5")
        let info = try [UInt8](hex: "0xf0f1f2f3f4f5f6f7f8f9")
        #expect(HKDFSHA256.expand(pseudoRandomKey: prk, info: info, outputByteCount: 42).hexString
            == "0x3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865")
        for (key, length) in [(prk, 8160), ([UInt8](repeating: 0xab, count: 100), 100)] {
            let reference = HKDF<SHA256>.expand(pseudoRandomKey: key, info: info, outputByteCount: length).withUnsafeBytes { Array($0) }
            #expect(HKDFSHA256.expand(pseudoRandomKey: key, info: info, outputByteCount: length) == reference)
        }
    }

    @Test func rejectsShortSeed() {
        #expect(throws: KeyDerivationError.seedTooShort(31)) { try EIP2333.deriveMasterSK(seed: [UInt8](repeating: 7, count: 31)) }
    }

    @Test func parsesAndPrintsPaths() throws {
        #expect(try KeyPath("m/12381/3600/7/0/0") == KeyPath.validatorSigningKey(index: 7))
        #expect(try KeyPath("m/12381/3600/4294967295/0").indices == [12381, 3600, 4_294_967_295, 0])
        #expect(try KeyPath("m").indices.isEmpty)
        #expect(KeyPath.validatorWithdrawalKey(index: 3).description == "m/12381/3600/3/0")
        for bad in ["", "12381/3600", "m/", "m//1", "m/4294967296", "m/-1", "m/1a", "M/1", "m/+1", "m/٣"] {
            #expect(throws: KeyDerivationError.invalidPath(bad)) { try KeyPath(bad) }
        }
    }

    /// mnemonic-derivations.txt: signing keys, pubkeys and BLS withdrawal credentials of indices 0–2 of two
    /// devnet mnemonics (ethereum-genesis-generator default, ethereum-package default).
    @Test func devnetMnemonicDerivations() throws {
        let mnemonics = [
            "sleep moment list remain like wall lake industry canvas wonder ecology elite duck salad naive syrup frame brass utility club odor country obey pudding",
            "giant issue aisle success illegal bike spike question tent bar rely arctic volcano long crawl hungry vocal artwork sniff fantasy very lucky have athlete",
        ]
        let expected = try Self.parseDerivations(KeyFixture.text("mnemonic-derivations.txt"))
        #expect(expected.count == 2 && expected.allSatisfy { $0.count == 3 })
        for (mnemonic, rows) in zip(mnemonics, expected) {
            let deriver = try ValidatorKeyDeriver(mnemonic: Mnemonic(mnemonic))
            for (index, row) in rows.enumerated() {
                let keys = deriver.keys(index: UInt32(index))
                #expect(keys.signingKey.bytes.hexString == row.secret)
                #expect(keys.signingPublicKey.hexString == row.pubkey)
                #expect(keys.blsWithdrawalCredentials.hexString == row.credentials)
            }
        }
    }

    /// Every validator of the cl-genesis cases: pubkeys in order, and credentials wherever they are BLS (0x00).
    @Test(arguments: ["a-minimal-fulu-8val-0x01", "b-minimal-electra-64val-0x00", "f-minimal-fulu-mixed-validators"])
    func clGenesisValidators(caseName: String) throws {
        let pubkeys = try KeyFixture.lines("cl-genesis/\(caseName)/pubkeys.txt")
        let credentials = try KeyFixture.lines("cl-genesis/\(caseName)/withdrawal_credentials.txt")
        let entries = try Self.parseMnemonicsYAML(KeyFixture.text("cl-genesis/\(caseName)/mnemonics.yaml"))
        var validator = 0
        var blsChecked = 0
        var deriverCache = [String: ValidatorKeyDeriver]()
        for entry in entries {
            let deriver = try deriverCache[entry.mnemonic] ?? ValidatorKeyDeriver(mnemonic: Mnemonic(entry.mnemonic))
            deriverCache[entry.mnemonic] = deriver
            for keys in deriver.keys(indices: UInt32(entry.start) ..< UInt32(entry.start + entry.count)) {
                #expect(keys.signingPublicKey.hexString == pubkeys[validator], "\(caseName) validator \(validator)")
                if credentials[validator].hasPrefix("0x00") {
                    #expect(keys.blsWithdrawalCredentials.hexString == credentials[validator], "\(caseName) validator \(validator)")
                    blsChecked += 1
                }
                validator += 1
            }
        }
        #expect(validator == pubkeys.count)
        #expect(blsChecked == ["a-minimal-fulu-8val-0x01": 0, "b-minimal-electra-64val-0x00": 64, "f-minimal-fulu-mixed-validators": 4][caseName])
    }

    struct DerivationRow { var secret = "", pubkey = "", credentials = "" }

    /// Groups of `i=… signing_sk=…`, `pubkey=…`, `bls_withdrawal_credentials=…`, one group per `#` heading.
    static func parseDerivations(_ text: String) -> [[DerivationRow]] {
        var groups = [[DerivationRow]]()
        for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.hasPrefix("# ") && !line.contains("derived") && !line.contains("signing key path") {
                groups.append([])
            } else if let value = line.split(separator: "signing_sk=").last, line.hasPrefix("i=") {
                groups[groups.count - 1].append(DerivationRow(secret: String(value)))
            } else if line.hasPrefix("pubkey=") {
                groups[groups.count - 1][groups[groups.count - 1].count - 1].pubkey = String(line.dropFirst(7))
            } else if line.hasPrefix("bls_withdrawal_credentials=") {
                groups[groups.count - 1][groups[groups.count - 1].count - 1].credentials = String(line.dropFirst(27))
            }
        }
        return groups
    }

    struct MnemonicEntry { let mnemonic: String, start: Int, count: Int }

    /// Reads the `mnemonic`, `start` and `count` keys of each `- …` list entry of an eth-beacon-genesis mnemonics.yaml
    /// (flat entries, one `key: value` a line; enough for these fixtures without a YAML dependency in the tests).
    static func parseMnemonicsYAML(_ text: String) throws -> [MnemonicEntry] {
        var entries = [[String: String]]()
        for line in text.split(separator: "\n") {
            var body = line.trimmingCharacters(in: .whitespaces)
            if body.hasPrefix("- ") {
                entries.append([:])
                body.removeFirst(2)
            }
            guard let colon = body.firstIndex(of: ":"), !entries.isEmpty else { continue }
            let value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            entries[entries.count - 1][String(body[..<colon])] = value.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return try entries.map { entry in
            MnemonicEntry(
                mnemonic: try #require(entry["mnemonic"]),
                start: try #require(entry["start"].flatMap { Int($0) }),
                count: try #require(entry["count"].flatMap { Int($0) })
            )
        }
    }
}
