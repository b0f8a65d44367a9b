import Testing
@testable import SnapshotKit

/// Shuffling, the genesis sync committee and the proposer lookahead against the expectations of eth-beacon-genesis's
/// own unit tests (ethpandaops/eth-beacon-genesis @ 899ec78: beaconutils/synccommittee_test.go and
/// beaconutils/proposers_test.go; values copied from the test tables).
@Suite struct ConsensusGenesisCommitteeTests {
    private static let mixA = "4ff6f743a43f3b4f95350831aeaf0a122a1a392922c45d804280284a69eb850b"
    private static let seedB = "1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"

    // TestPermuteIndex
    @Test func shuffledIndexMatchesPermuteIndex() throws {
        #expect(Shuffling(seed: try [UInt8](hex: Self.mixA), count: 32, rounds: 1).shuffledIndex(0) == 0)
        #expect(Shuffling(seed: try [UInt8](hex: Self.seedB), count: 64, rounds: 10).shuffledIndex(5) == 27)
        #expect(Shuffling(seed: try [UInt8](hex: Self.seedB), count: 64, rounds: 0).shuffledIndex(31) == 31)
    }

    @Test func shufflingIsAPermutation() throws {
        let shuffling = Shuffling(seed: try [UInt8](hex: Self.seedB), count: 1000, rounds: 90)
        let image = Set((0..<1000).map { shuffling.shuffledIndex(UInt64($0)) })
        #expect(image == Set(0..<1000))
    }

    private static func validator(
        _ pubkey: String, balance: UInt64 = 32_000_000_000, activation: UInt64 = 0,
        exit: UInt64 = ConsensusConstants.farFutureEpoch
    ) throws -> Validator {
        Validator(
            pubkey: try [UInt8](hex: pubkey), withdrawalCredentials: [UInt8](repeating: 1, count: 32),
            effectiveBalance: balance, activationEpoch: activation, exitEpoch: exit)
    }

    private static let keyB4 =
        "b4702b219bcf6691b580aa96814b170713451bcfd75d2f6ebd241df7e4f6b6e30f0ec16c9098242c11c95acade4120ec"
    private static let key90 =
        "90588ecdaff043834c21035154c5820d02df74d06535bee41c330871a070a66920c22631574d46bb7e9ce5f890449d7d"

    /// TestGetGenesisSyncCommittee "single validator" (minimal, Electra disabled).
    @Test func syncCommitteeOfOneValidator() throws {
        let validators = [try Self.validator(Self.keyB4)]
        let committee = try committee(validators, electra: false)
        #expect(committee.pubkeys.count == 32)
        #expect(Hex.encode(committee.pubkeys[0], prefixed: false) == Self.keyB4)
        #expect(
            Hex.encode(committee.aggregatePubkey, prefixed: false)
                == "967143d1b28b44b3ff75cba085213bc579dbbe04e35b8d7395f6f4e059f8e44c8af9f12b6174aae223e9c28171eae287")
    }

    /// TestGetGenesisSyncCommittee "minimal config": a half-balance validator, one activated later, one exited.
    @Test func syncCommitteeSkipsInactiveValidators() throws {
        let validators = [
            try Self.validator(Self.keyB4),
            try Self.validator(Self.key90),
            try Self.validator(
                "a6c0b935ecd925451824d563fa5d5e2dd5c8fe2ae26fed844ee369876896f5f8e764a2cfddc2c86b6e2354249849a829",
                balance: 16_000_000_000),
            try Self.validator(
                "80804dcea8e0a7925083250ee74ec20e1353a9c4d564e98a5cdd9ffee3a3319100cf89b2eb3458718d2baeb6413251f5",
                activation: 1),
            try Self.validator(
                "811a1cc964bcd4314fe43d78791f00f0b57171bf1ca6330b8de4032bb8001b7b5503a92b63728bb8d373867e6dd810d6",
                exit: 0),
        ]
        let committee = try committee(validators, electra: false)
        #expect(
            Hex.encode(committee.pubkeys[0], prefixed: false)
                == "a6c0b935ecd925451824d563fa5d5e2dd5c8fe2ae26fed844ee369876896f5f8e764a2cfddc2c86b6e2354249849a829")
        #expect(
            Hex.encode(committee.aggregatePubkey, prefixed: false)
                == "811a1cc964bcd4314fe43d78791f00f0b57171bf1ca6330b8de4032bb8001b7b5503a92b63728bb8d373867e6dd810d6")
    }

    /// TestGetGenesisSyncCommittee "electra enabled".
    @Test func syncCommitteeWithElectra() throws {
        let validators = [
            try Self.validator(
                "82cbb3de078c3d305a95b622bc34d1838ba4ba6f95a4e538f11e02b1df4595374fe2069eb1d9ac6c95e83ba1f0dfbe88"),
            try Self.validator(Self.key90),
        ]
        let committee = try committee(validators, electra: true)
        #expect(Hex.encode(committee.pubkeys[0], prefixed: false) == Self.key90)
        #expect(
            Hex.encode(committee.aggregatePubkey, prefixed: false)
                == "83ac2d259c286e5e3b5150fbf876d221f436c8c2e39aaf016290b7498243e2466bd830346cd13e891bad3a84a21ffb46")
    }

    /// The error cases of TestGetGenesisSyncCommittee: invalid pubkey, no validators, none active.
    @Test func syncCommitteeErrors() throws {
        let zeroKey = String(repeating: "00", count: 48)
        #expect(throws: ConsensusGenesisError.self) { try committee([try Self.validator(zeroKey)], electra: true) }
        #expect(throws: ConsensusGenesisError.noActiveValidators) { try committee([], electra: true) }
        #expect(throws: ConsensusGenesisError.noActiveValidators) {
            try committee([try Self.validator(Self.keyB4, activation: 1)], electra: false)
        }
    }

    private func committee(_ validators: [Validator], electra: Bool) throws -> SyncCommittee {
        let indices = GenesisSyncCommittee.indices(
            validators: validators, mix: try [UInt8](hex: Self.mixA), preset: .minimal, electra: electra)
        return try GenesisSyncCommittee.committee(indices: indices, validators: validators)
    }

    /// TestGetGenesisProposersMainnetExample: 100 validators of 32 ETH, mainnet preset.
    @Test func proposerLookaheadMainnetExample() throws {
        let validators = (0..<100).map { index in
            Validator(
                pubkey: [UInt8(index)] + [UInt8](repeating: 0, count: 47),
                withdrawalCredentials: [UInt8](repeating: 0, count: 32), effectiveBalance: 32_000_000_000,
                activationEpoch: 0)
        }
        let mix = try [UInt8](hex: "60c93f6d06bb60444099b54175f11a1d8b9d91b1280fdb7e64335602a968fabe")
        let proposers = GenesisProposerLookahead.proposers(validators: validators, mix: mix, preset: .mainnet)
        #expect(proposers.count == 64)
        let expected: [Int: UInt64] = [
            0: 72, 1: 85, 2: 26, 3: 2, 4: 42, 5: 84, 6: 19, 7: 25, 8: 65, 9: 85, 10: 29, 11: 96, 12: 36, 13: 33,
            14: 53, 15: 82, 16: 94, 17: 31, 18: 47, 19: 24, 20: 72, 21: 90, 22: 79, 23: 75, 24: 15, 25: 72, 26: 51,
            27: 46, 28: 7, 29: 52, 30: 67, 31: 3, 32: 71, 63: 30,
        ]
        for (slot, proposer) in expected {
            #expect(proposers[slot] == proposer, "slot \(slot)")
        }
    }

    /// TestGetGenesisProposersNoActiveValidators.
    @Test func proposerLookaheadWithoutActiveValidators() {
        let validators = (0..<10).map { index in
            Validator(
                pubkey: [UInt8(index)] + [UInt8](repeating: 0, count: 47),
                withdrawalCredentials: [UInt8](repeating: 0, count: 32), effectiveBalance: 32_000_000_000,
                activationEpoch: 1)
        }
        let mix = [1, 2, 3] + [UInt8](repeating: 0, count: 29)
        #expect(GenesisProposerLookahead.proposers(validators: validators, mix: mix, preset: .minimal).isEmpty)
    }
}
