import Crypto
import Testing
@testable import SnapshotKit

/// The mainnet preset. No mainnet genesis.ssz vector exists, so the expected values come from remerkleable 0.1.28
/// (the pyspec's SSZ library) over the same containers, cross-checked with the prefixes/suffixes quoted in
/// Fixtures/cl-genesis/README.md.
@Suite struct BeaconStateMainnetTests {
    private func hex(_ text: String) -> [UInt8] { try! [UInt8](hex: text) }

    @Test func defaultBlockBodyRoot() throws {
        let expected = hex("ca4f98890bc98a59f015d06375a5e00546b8f2ac1e88d31b1774ea28d4b3e7d1")
        #expect(try BeaconBlockBody.defaultHashTreeRoot(fork: .electra, preset: .mainnet) == expected)
        #expect(try BeaconBlockBody.defaultHashTreeRoot(fork: .fulu, preset: .mainnet) == expected)
        #expect(expected.hexString.hasPrefix("0xca4f9889") && expected.hexString.hasSuffix("e7d1"))
        #expect(throws: SSZError.unsupportedFork(.gloas)) {
            try BeaconBlockBody.defaultHashTreeRoot(fork: .gloas, preset: .mainnet)
        }
    }

    @Test func emptyPayloadListRoots() {
        let withdrawals = ExecutionPayloadHeader.emptyWithdrawalsRoot(preset: .mainnet)
        #expect(withdrawals == hex("792930bbd5baac43bcc798ee49aa8185ef76bb3b44ba62b91d86ae569e4bb535"))
        #expect(withdrawals.hexString.hasPrefix("0x792930bb") && withdrawals.hexString.hasSuffix("b535"))
        #expect(ExecutionPayloadHeader.emptyWithdrawalsRoot(preset: .minimal)
            == hex("28ba1834a3a7b657460ce79fa3a1d909ab8828fd557659d4d0554a9bdbc0ec30"))
        #expect(ExecutionPayloadHeader.emptyTransactionsRoot(preset: .mainnet)
            == hex("7ffe241ea60187fdb0187bfa22de35d1f9bed7ab061d9401fd47e34a54fbede1"))
    }

    @Test(arguments: [
        (ConsensusFork.electra, 2_738_125, "33156e0b72d6220c408fe4b31fdcf0a9a7571a32dd7595cf781625185b0d6e32",
         "e124910233f9d9057deea4a403f185c86d463441e07b91b5786a0e7229ccdef7"),
        (ConsensusFork.fulu, 2_738_637, "3705977828b5e4ec366e6318e0eba4f28f264ce64e8be55d08362a01cf571333",
         "f4c4f7a6e462c06bb0f3ab092619e8e584da1993efa0ca20bd3d1e495e7eba5d"),
    ])
    func constructedStateMatchesOracleAndRoundTrips(
        fork: ConsensusFork, size: Int, root: String, sha256: String
    ) throws {
        let state = try Self.sampleState(fork: fork)
        #expect(state.genesisValidatorsRoot == hex("351d71d859e843a2026516434cffaf8af6e617d41c3c344987336a7e9140b542"))
        #expect(state.currentSyncCommittee.hashTreeRoot(preset: .mainnet)
            == hex("574378b3784ca905c574883e05806654c34473631fe7fe6cda83b964c2678ae0"))
        let bytes = state.serialize()
        #expect(bytes.count == size)
        #expect(Array(SHA256.hash(data: bytes)) == hex(sha256))
        #expect(state.hashTreeRoot() == hex(root))
        let decoded = try BeaconState(decoding: bytes, fork: fork, preset: .mainnet)
        #expect(decoded == state)
        #expect(decoded.serialize() == bytes)
    }

    /// A mainnet state with every field set to a non-default value, built exactly like the oracle's.
    static func sampleState(fork: ConsensusFork) throws -> BeaconState {
        func filled(_ byte: UInt8, _ count: Int) -> [UInt8] { [UInt8](repeating: byte, count: count) }
        let far = ConsensusConstants.farFutureEpoch
        let elHash = try [UInt8](hex: "2757ccc59f4fe5e6da774deaf8f992cdf58266cac37ad6478d47c112f546ef69")
        let validators = [
            (32_000_000_000 as UInt64, 0 as UInt64, 0 as UInt64, far, far), (2_048_000_000_000, 0, 0, 0, 0),
            (16_000_000_000, far, far, far, far),
        ].enumerated().map { index, epochs in
            Validator(
                pubkey: filled(UInt8(index + 1), 48), withdrawalCredentials: [0x01] + filled(UInt8(index + 0x10), 31),
                effectiveBalance: epochs.0, slashed: index == 1, activationEligibilityEpoch: epochs.1,
                activationEpoch: epochs.2, exitEpoch: epochs.3, withdrawableEpoch: epochs.4)
        }
        var state = try BeaconState(fork: fork, preset: .mainnet)
        state.genesisTime = 1_700_000_020
        state.genesisValidatorsRoot = Validator.registryRoot(validators, preset: .mainnet)
        state.fork = Fork(previousVersion: [0x60, 0, 0, 0x38], currentVersion: [0x70, 0, 0, 0x38], epoch: 0)
        state.latestBlockHeader.bodyRoot = try BeaconBlockBody.defaultHashTreeRoot(fork: fork, preset: .mainnet)
        state.blockRoots[1] = filled(1, 32)
        state.stateRoots[2] = filled(2, 32)
        state.historicalRoots = [filled(3, 32)]
        state.eth1Data = Eth1Data(depositRoot: Eth1Data.emptyDepositRoot, depositCount: 0, blockHash: elHash)
        state.eth1DataVotes = [Eth1Data(depositRoot: filled(4, 32), depositCount: 9, blockHash: filled(5, 32))]
        state.eth1DepositIndex = 3
        state.validators = validators
        state.balances = [32_000_000_000, 2_100_000_000_000, 16_000_000_000]
        state.randaoMixes = Array(repeating: elHash, count: 65536)
        state.slashings[5] = 7
        state.previousEpochParticipation = [1, 2, 3]
        state.currentEpochParticipation = [7, 0, 5]
        state.justificationBits[0] = true
        state.justificationBits[3] = true
        state.previousJustifiedCheckpoint = Checkpoint(epoch: 1, root: filled(6, 32))
        state.currentJustifiedCheckpoint = Checkpoint(epoch: 2, root: filled(7, 32))
        state.inactivityScores = [0, 1, 2]
        let members = (0..<512).map { filled(UInt8($0 % 3 + 1), 48) }
        state.currentSyncCommittee = SyncCommittee(pubkeys: members, aggregatePubkey: filled(8, 48))
        state.nextSyncCommittee = SyncCommittee(pubkeys: members, aggregatePubkey: filled(9, 48))
        var header = SSZTests.sampleHeader(preset: .mainnet)
        header.blockHash = elHash
        header.transactionsRoot = ExecutionPayloadHeader.emptyTransactionsRoot(preset: .mainnet)
        header.withdrawalsRoot = ExecutionPayloadHeader.emptyWithdrawalsRoot(preset: .mainnet)
        state.latestExecutionPayloadHeader = header
        state.nextWithdrawalIndex = 11
        state.nextWithdrawalValidatorIndex = 2
        state.historicalSummaries = [
            HistoricalSummary(blockSummaryRoot: filled(0xa, 32), stateSummaryRoot: filled(0xb, 32))
        ]
        state.depositRequestsStartIndex = ConsensusConstants.unsetDepositRequestsStartIndex
        state.depositBalanceToConsume = 1
        state.exitBalanceToConsume = 2
        state.earliestExitEpoch = 3
        state.consolidationBalanceToConsume = 4
        state.earliestConsolidationEpoch = 5
        state.pendingDeposits = [
            PendingDeposit(
                pubkey: filled(0xc, 48), withdrawalCredentials: filled(0xd, 32), amount: 1_000_000_000,
                signature: filled(0xe, 96), slot: 6),
        ]
        state.pendingPartialWithdrawals = [
            PendingPartialWithdrawal(validatorIndex: 1, amount: 500_000_000, withdrawableEpoch: 10)
        ]
        state.pendingConsolidations = [PendingConsolidation(sourceIndex: 0, targetIndex: 2)]
        if fork == .fulu { state.proposerLookahead = (0..<64).map { UInt64($0 % 3) } }
        return state
    }
}
