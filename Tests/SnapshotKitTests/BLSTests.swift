import Foundation
import Testing
@testable import ConsensusPrimitives
@testable import SnapshotKit

@Suite struct BLSTests {
    /// Compressed G and 2·G (ZCash serialization), as printed by py_ecc 8.0.0 `G1_to_pubkey`; G's x is the
    /// standard generator constant of the BLS12-381 definition (IETF draft-irtf-cfrg-pairing-friendly-curves).
    static let generatorCompressed =
        "0x97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"
    static let twiceGeneratorCompressed =
        "0xa572cbea904d67468808c8eb50a9450c9721db309128012543902d0ac358a62ae28f75bb8f1c7c42c39a8c5529bf0f4e"

    @Test func encodesGeneratorAndItsDouble() throws {
        let one = try BLSSecretKey(UInt256(1))
        let two = try BLSSecretKey(UInt256(2))
        #expect(one.publicKey.hexString == Self.generatorCompressed)
        #expect(two.publicKey.hexString == Self.twiceGeneratorCompressed)
        #expect(G1Point(.generator).doubled.affine.compressed.hexString == Self.twiceGeneratorCompressed)
        #expect((G1Point(.generator) + G1Affine.generator).affine.compressed.hexString == Self.twiceGeneratorCompressed)
    }

    /// Secret keys of ethereum/bls12-381-tests @ 93fa49b6 main.py `PRIVKEYS` and their public keys as published in
    /// its `verify_valid_case_*` vectors (also confirmed with py_ecc 8.0.0 `SkToPk`).
    @Test(arguments: [
        ("0x263dbd792f5b1be47ed85f8938c0f29586af0d3ac7b977f21c278fe1462040e3",
         "0xa491d1b0ecd9bb917989f0e74f0dea0422eac4a873e5e2644f368dffb9a6e20fd6e10c1b77654d067c0618f6e5a7f79a"),
        ("0x47b8192d77bf871b62e87859d653922725724a5c031afeabc60bcef5ff665138",
         "0xb301803f8b5ac4a1133581fc676dfedc60d891dd5fa99028805e5ea5b08d3491af75d0707adab3b70c6a6a580217bf81"),
        ("0x328388aff0d4a5b7dc9205abd374e7e98f3cd9f3418edb4eafda5fb16473d216",
         "0xb53d21a4cfd562c469cc81514d4ce5a6b577d8403d32a394dc265dd190b47fa9f829fdd7963afdf972e5e77854051f6f"),
    ])
    func derivesPublicKeyOfKnownSecret(secret: String, publicKey: String) throws {
        let key = try BLSSecretKey(bigEndian: [UInt8](hex: secret))
        #expect(key.publicKey.hexString == publicKey)
        #expect(try BLSPublicKey(compressed: [UInt8](hex: publicKey)) == key.publicKey)
    }

    @Test func fixedBaseAndDoubleAndAddAgree() throws {
        let scalar = try #require(UInt256(bigEndian: [UInt8](hex: "0x3219c83a76e82682c3e706902ca85777e703a06c9f0a82a5dfa6164f527c1ea6")))
        #expect(G1GeneratorTable.multiplyGenerator(by: scalar) == G1Point(.generator).multiplied(by: scalar))
    }

    /// The `deserialization_G1` cases of ethereum/bls12-381-tests @ 93fa49b6e3fdff6f30151398301a0f61e82090e8,
    /// main.py `case07_deserialization_G1` (input, expected outcome); the error is this implementation's reason.
    static let deserializationCases: [(name: String, input: String, error: BLSError?)] = [
        ("succeeds_correct_point",
         "a491d1b0ecd9bb917989f0e74f0dea0422eac4a873e5e2644f368dffb9a6e20fd6e10c1b77654d067c0618f6e5a7f79a", nil),
        ("fails_not_in_G1",
         "8123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", .notInSubgroup),
        ("fails_not_in_curve",
         "8123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde0", .notOnCurve),
        ("fails_x_equal_to_modulus",
         "9a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab", .coordinateNotInField),
        ("fails_x_greater_than_modulus",
         "9a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaac", .coordinateNotInField),
        ("fails_too_few_bytes",
         "9a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa", .invalidPointLength(47)),
        ("fails_too_many_bytes",
         "9a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaa900", .invalidPointLength(49)),
        ("succeeds_infinity_with_true_b_flag",
         "c00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", nil),
        ("fails_infinity_with_false_b_flag",
         "800000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", .notInSubgroup),
        ("fails_with_wrong_c_flag",
         "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", .notCompressed),
        ("fails_with_b_flag_and_x_nonzero",
         "c123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", .invalidInfinityEncoding),
        ("fails_with_b_flag_and_a_flag_true",
         "e00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", .invalidInfinityEncoding),
    ]

    @Test(arguments: deserializationCases.indices)
    func decodesOrRejectsCompressedPoint(index: Int) throws {
        let testCase = Self.deserializationCases[index]
        let bytes = try [UInt8](hex: testCase.input)
        if let error = testCase.error {
            #expect(throws: error, "\(testCase.name)") { try G1Affine(compressed: bytes) }
        } else {
            let point = try G1Affine(compressed: bytes)
            #expect(point.compressed == bytes, "\(testCase.name) re-encodes to its input")
            #expect(point.isOnCurve)
        }
    }

    @Test func publicKeyRejectsInfinity() throws {
        let infinity = [0xc0] + [UInt8](repeating: 0, count: 47)
        #expect(throws: BLSError.infinityPublicKey) { try BLSPublicKey(compressed: infinity) }
    }

    @Test func secretKeyRejectsZeroOrderAndBadLength() throws {
        #expect(throws: BLSError.secretKeyOutOfRange) { try BLSSecretKey(UInt256.zero) }
        #expect(throws: BLSError.secretKeyOutOfRange) { try BLSSecretKey(ScalarField.order) }
        #expect(throws: BLSError.invalidSecretKeyLength(31)) { try BLSSecretKey(bigEndian: [UInt8](repeating: 1, count: 31)) }
    }

    @Test func aggregatesSyncCommitteeOfCaseA() throws {
        let pubkeys = try KeyFixture.lines("cl-genesis/a-minimal-fulu-8val-0x01/pubkeys.txt")
            .map { try BLSPublicKey(compressed: [UInt8](hex: $0)) }
        let members = try KeyFixture.lines("cl-genesis/a-minimal-fulu-8val-0x01/sync_committee_indices.txt")
            .map { try #require(Int($0)) }
        #expect(members.count == 32)  // minimal preset SYNC_COMMITTEE_SIZE, indices repeat
        let summary = try JSONSerialization.jsonObject(with: KeyFixture.data("cl-genesis/a-minimal-fulu-8val-0x01/summary.json"))
        let expected = try #require((summary as? [String: Any])?["sync_committee_aggregate_pubkey"] as? String)
        #expect(BLSPublicKey.aggregate(members.map { pubkeys[$0] }).hexString == expected)
        #expect(BLSPublicKey.aggregate(pubkeys).hexString != expected)
    }

    @Test func aggregateOfNothingIsInfinityAndOfOneIsItself() throws {
        let key = try BLSSecretKey(UInt256(7)).publicKey
        #expect(BLSPublicKey.aggregate([key]) == key)
        #expect(BLSPublicKey.aggregate([]).compressed == [0xc0] + [UInt8](repeating: 0, count: 47))
        let negated = BLSPublicKey(validPoint: key.point.negated)
        #expect(BLSPublicKey.aggregate([key, negated]).compressed.first == 0xc0)
    }
}
