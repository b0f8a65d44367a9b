import Foundation
import Testing
@testable import ConsensusPrimitives
@testable import SnapshotKit

/// Decoding, re-encoding and hashing the reference genesis states (Fixtures/cl-genesis, produced by the
/// consensus-specs pyspec; see its README).
@Suite struct BeaconStateTests {
    @Test(arguments: GenesisVector.all)
    func reserializesByteIdentical(vector: GenesisVector) throws {
        let bytes = try vector.genesisSSZ()
        let state = try BeaconState(decoding: bytes, fork: vector.fork, preset: .minimal)
        #expect(state.serialize() == bytes)
        #expect(try UInt64(bytes.count) == vector.summary().uint64("ssz_bytes"))
    }

    @Test(arguments: GenesisVector.all)
    func hashTreeRootIsStateRoot(vector: GenesisVector) throws {
        #expect(try vector.decodedState().hashTreeRoot() == vector.stateRoot())
    }

    @Test(arguments: GenesisVector.all)
    func validatorsRootIsGenesisValidatorsRoot(vector: GenesisVector) throws {
        let state = try vector.decodedState()
        let expected = try [UInt8](hex: vector.expectationLines("genesis_validators_root.txt")[0])
        #expect(Validator.registryRoot(state.validators, preset: .minimal) == expected)
        #expect(state.genesisValidatorsRoot == expected)
    }

    @Test(arguments: GenesisVector.all)
    func validatorKeysAndCredentialsMatch(vector: GenesisVector) throws {
        let state = try vector.decodedState()
        let pubkeys = try vector.expectationLines("pubkeys.txt").map { try [UInt8](hex: $0) }
        let credentials = try vector.expectationLines("withdrawal_credentials.txt").map { try [UInt8](hex: $0) }
        #expect(state.validators.map(\.pubkey) == pubkeys)
        #expect(state.validators.map(\.withdrawalCredentials) == credentials)
    }

    @Test(arguments: GenesisVector.all)
    func fieldsMatchSummary(vector: GenesisVector) throws {
        let state = try vector.decodedState()
        let summary = try vector.summary()
        #expect(try state.genesisTime == (vector.genesisTime ?? summary.uint64("genesis_time")))
        #expect(try state.fork.previousVersion == summary.bytes("fork_previous_version"))
        #expect(try state.fork.currentVersion == summary.bytes("fork_current_version"))
        #expect(state.fork.epoch == 0)
        #expect(try state.latestBlockHeader.bodyRoot == summary.bytes("latest_block_header_body_root"))

        let eth1 = try #require(summary["eth1_data"])
        #expect(try state.eth1Data.depositRoot == eth1.bytes("deposit_root"))
        #expect(try state.eth1Data.depositCount == eth1.uint64("deposit_count"))
        #expect(try state.eth1Data.blockHash == eth1.bytes("block_hash"))
        let mix = try summary.bytes("randao_mix_all_entries")
        #expect(state.randaoMixes.allSatisfy { $0 == mix })

        #expect(try UInt64(state.validators.count) == summary.uint64("validators_count"))
        #expect(try state.balances == summary.uint64s("balances"))
        #expect(try state.validators.map(\.effectiveBalance) == summary.uint64s("effective_balances"))
        #expect(try state.validators.map(\.activationEpoch) == summary.uint64s("activation_epochs"))
        #expect(try state.validators.map(\.exitEpoch) == summary.uint64s("exit_epochs"))
        #expect(try state.validators.map(\.slashed) == summary.bools("slashed"))

        #expect(try state.currentSyncCommittee.aggregatePubkey == summary.bytes("sync_committee_aggregate_pubkey"))
        #expect(try state.currentSyncCommittee.hashTreeRoot(preset: .minimal) == summary.bytes("sync_committee_root"))
        #expect(state.nextSyncCommittee == state.currentSyncCommittee)

        let electra = try #require(summary["electra_fields"])
        #expect(try state.depositRequestsStartIndex == electra.uint64("deposit_requests_start_index"))
        #expect(try state.depositBalanceToConsume == electra.uint64("deposit_balance_to_consume"))
        #expect(try state.exitBalanceToConsume == electra.uint64("exit_balance_to_consume"))
        #expect(try state.earliestExitEpoch == electra.uint64("earliest_exit_epoch"))
        #expect(try state.consolidationBalanceToConsume == electra.uint64("consolidation_balance_to_consume"))
        #expect(try state.earliestConsolidationEpoch == electra.uint64("earliest_consolidation_epoch"))
    }

    @Test(arguments: GenesisVector.all)
    func payloadHeaderMatchesSummary(vector: GenesisVector) throws {
        let header = try vector.decodedState().latestExecutionPayloadHeader
        let expected = try #require(vector.summary()["latest_execution_payload_header"])
        #expect(try header.parentHash == expected.bytes("parent_hash"))
        #expect(try header.feeRecipient == expected.bytes("fee_recipient"))
        #expect(try header.stateRoot == expected.bytes("state_root"))
        #expect(try header.receiptsRoot == expected.bytes("receipts_root"))
        #expect(header.logsBloom == [UInt8](repeating: 0, count: 256))
        #expect(try header.prevRandao == expected.bytes("prev_randao"))
        #expect(try header.blockNumber == expected.uint64("block_number"))
        #expect(try header.gasLimit == expected.uint64("gas_limit"))
        #expect(try header.gasUsed == expected.uint64("gas_used"))
        #expect(try header.timestamp == expected.uint64("timestamp"))
        #expect(try header.extraData == expected.bytes("extra_data"))
        #expect(try header.baseFeePerGas == UInt256(expected.uint64("base_fee_per_gas")))
        #expect(try header.blockHash == expected.bytes("block_hash"))
        #expect(try header.transactionsRoot == expected.bytes("transactions_root"))
        #expect(try header.withdrawalsRoot == expected.bytes("withdrawals_root"))
        #expect(try header.blobGasUsed == expected.uint64("blob_gas_used"))
        #expect(try header.excessBlobGas == expected.uint64("excess_blob_gas"))
        #expect(try header.hashTreeRoot(preset: .minimal) == expected.bytes("hash_tree_root"))
        #expect(ExecutionPayloadHeader.emptyTransactionsRoot(preset: .minimal) == header.transactionsRoot)
        #expect(ExecutionPayloadHeader.emptyWithdrawalsRoot(preset: .minimal) == header.withdrawalsRoot)
    }

    @Test(arguments: GenesisVector.all)
    func computedGenesisConstantsMatch(vector: GenesisVector) throws {
        let state = try vector.decodedState()
        let bodyRoot = try BeaconBlockBody.defaultHashTreeRoot(fork: vector.fork, preset: .minimal)
        #expect(bodyRoot == state.latestBlockHeader.bodyRoot)
        #expect(Eth1Data.emptyDepositRoot == state.eth1Data.depositRoot)
    }

    @Test(arguments: GenesisVector.all)
    func syncCommitteeIsMadeOfTheListedValidators(vector: GenesisVector) throws {
        let state = try vector.decodedState()
        let indices = try vector.expectationLines("sync_committee_indices.txt").map { try #require(Int($0)) }
        #expect(state.currentSyncCommittee.pubkeys == indices.map { state.validators[$0].pubkey })
    }

    @Test(arguments: GenesisVector.all.filter { $0.fork == .fulu })
    func proposerLookaheadMatches(vector: GenesisVector) throws {
        let expected = try vector.expectationLines("proposer_lookahead.txt").map { try #require(UInt64($0)) }
        #expect(expected.count == ConsensusPreset.minimal.proposerLookaheadLength)
        #expect(try vector.decodedState().proposerLookahead == expected)
    }

    @Test func retimedStateDiffersOnlyInGenesisTime() throws {
        var original = try GenesisVector.caseA.decodedState()
        let retimed = try GenesisVector.caseARetimed.decodedState()
        #expect(original != retimed)
        original.genesisTime = 1_800_000_000
        #expect(original == retimed)
        #expect(original.hashTreeRoot() == (try GenesisVector.caseARetimed.stateRoot()))
    }

    @Test func builtFieldByFieldEqualsTheDecodedState() throws {
        let decoded = try GenesisVector.caseB.decodedState()
        var built = try BeaconState(fork: .electra, preset: .minimal)
        built.genesisTime = decoded.genesisTime
        built.genesisValidatorsRoot = Validator.registryRoot(decoded.validators, preset: .minimal)
        built.fork = decoded.fork
        built.latestBlockHeader.bodyRoot = try BeaconBlockBody.defaultHashTreeRoot(fork: .electra, preset: .minimal)
        built.eth1Data = Eth1Data(depositRoot: Eth1Data.emptyDepositRoot, blockHash: decoded.eth1Data.blockHash)
        built.validators = decoded.validators
        built.balances = decoded.balances
        built.randaoMixes = Array(repeating: decoded.eth1Data.blockHash, count: 64)
        built.previousEpochParticipation = Array(repeating: 0, count: decoded.validators.count)
        built.currentEpochParticipation = built.previousEpochParticipation
        built.inactivityScores = Array(repeating: 0, count: decoded.validators.count)
        built.currentSyncCommittee = decoded.currentSyncCommittee
        built.nextSyncCommittee = decoded.nextSyncCommittee
        built.latestExecutionPayloadHeader = decoded.latestExecutionPayloadHeader
        #expect(built == decoded)
        #expect(built.serialize() == (try GenesisVector.caseB.genesisSSZ()))
    }

    @Test func decodingUnderTheWrongForkOrPresetFails() throws {
        let fulu = try GenesisVector.caseA.genesisSSZ()
        let electra = try GenesisVector.caseB.genesisSSZ()
        #expect(throws: SSZError.self) { try BeaconState(decoding: fulu, fork: .electra, preset: .minimal) }
        #expect(throws: SSZError.self) { try BeaconState(decoding: electra, fork: .fulu, preset: .minimal) }
        #expect(throws: SSZError.self) { try BeaconState(decoding: fulu, fork: .fulu, preset: .mainnet) }
        #expect(throws: SSZError.unsupportedFork(.gloas)) {
            try BeaconState(decoding: fulu, fork: .gloas, preset: .minimal)
        }
        #expect(throws: SSZError.unsupportedFork(.deneb)) { try BeaconState(fork: .deneb, preset: .minimal) }
    }

    @Test func truncatedStateIsRejected() throws {
        let bytes = try GenesisVector.caseF.genesisSSZ()
        let fixedPartSize = BeaconState.sszLayout(fork: .fulu, preset: .minimal).fixedPartSize
        // The 584-byte payload header (empty extra_data) is the last non-empty variable field; the lists after it are
        // empty, so historical_summaries' offset is the original end of the input.
        #expect(throws: SSZError.offsetOutOfRange(
            path: "BeaconState.historical_summaries", offset: bytes.count, lowerBound: bytes.count - 584,
            upperBound: bytes.count - 1)) {
            try BeaconState(decoding: Array(bytes.dropLast()), fork: .fulu, preset: .minimal)
        }
        #expect(throws: SSZError.tooShort(path: "BeaconState", minimum: fixedPartSize, actual: 100)) {
            try BeaconState(decoding: Array(bytes.prefix(100)), fork: .fulu, preset: .minimal)
        }
    }

    @Test func corruptOffsetsAndFieldsAreRejected() throws {
        let bytes = try GenesisVector.caseA.genesisSSZ()
        let layout = BeaconState.sszLayout(fork: .fulu, preset: .minimal)
        func position(of field: String) -> Int {
            let index = layout.firstIndex { $0.name == field }!
            return Array(layout[..<index]).fixedPartSize
        }
        func decode(patching field: String, with patch: [UInt8]) throws -> BeaconState {
            var corrupt = bytes
            corrupt.replaceSubrange(position(of: field)..<position(of: field) + patch.count, with: patch)
            return try BeaconState(decoding: corrupt, fork: .fulu, preset: .minimal)
        }
        let fixedPartSize = layout.fixedPartSize
        func offset(_ value: Int) -> [UInt8] { withUnsafeBytes(of: UInt32(value).littleEndian, Array.init) }

        #expect(throws: SSZError.firstOffsetMismatch(
            path: "BeaconState", expected: fixedPartSize, actual: fixedPartSize + 1)) {
            try decode(patching: "historical_roots", with: offset(fixedPartSize + 1))
        }
        #expect(throws: SSZError.offsetOutOfRange(
            path: "BeaconState.eth1_data_votes", offset: fixedPartSize - 1, lowerBound: fixedPartSize,
            upperBound: bytes.count)) {
            try decode(patching: "eth1_data_votes", with: offset(fixedPartSize - 1))
        }
        let balancesOffset = bytes[position(of: "balances")..<position(of: "balances") + 4]
            .reversed().reduce(0) { $0 << 8 | Int($1) }
        #expect(throws: SSZError.lengthNotMultipleOfElement(
            path: "BeaconState.validators", elementSize: Validator.sszSize, actual: 8 * Validator.sszSize + 1)) {
            try decode(patching: "balances", with: offset(balancesOffset + 1))
        }
        #expect(throws: SSZError.bitvectorPaddingNotZero(path: "BeaconState.justification_bits")) {
            try decode(patching: "justification_bits", with: [0x10])
        }
    }

    @Test func errorDescriptionsAreOneLine() {
        let errors: [SSZError] = [
            .wrongLength(path: "Fork", expected: 16, actual: 15),
            .offsetOutOfRange(path: "BeaconState.validators", offset: 9, lowerBound: 10, upperBound: 20),
            .unsupportedFork(.gloas),
        ]
        for error in errors { #expect(!error.description.contains("\n")) }
        #expect(SSZError.unsupportedFork(.gloas).description.contains("electra, fulu"))
    }
}
