import Foundation
import TestFixtures
import Testing
@testable import SnapshotKit

/// ``ConsensusPreset`` values against consensus-specs `presets/{minimal,mainnet}/*.yaml` (Fixtures/consensus-presets).
@Suite struct BeaconStatePresetTests {
    private static let forkFiles = ["phase0", "altair", "bellatrix", "capella", "deneb", "electra", "fulu"]

    /// `KEY: value` lines of the preset's YAML files (they hold integers only).
    private func specValues(_ name: String) throws -> [String: UInt64] {
        var values: [String: UInt64] = [:]
        for file in Self.forkFiles {
            let url = try TestFixtures.url("consensus-presets/\(name)/\(file).yaml")
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
                let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2 else { continue }
                let value = try #require(UInt64(parts[1]), "\(file).yaml: \(line)")
                values[parts[0]] = value
            }
        }
        return values
    }

    private func modelled(_ preset: ConsensusPreset) -> [String: UInt64] {
        [
            "MAX_COMMITTEES_PER_SLOT": UInt64(preset.maxCommitteesPerSlot),
            "MAX_VALIDATORS_PER_COMMITTEE": UInt64(preset.maxValidatorsPerCommittee),
            "SHUFFLE_ROUND_COUNT": UInt64(preset.shuffleRoundCount),
            "MAX_EFFECTIVE_BALANCE": preset.maxEffectiveBalance,
            "EFFECTIVE_BALANCE_INCREMENT": preset.effectiveBalanceIncrement,
            "SLOTS_PER_EPOCH": UInt64(preset.slotsPerEpoch),
            "MIN_SEED_LOOKAHEAD": UInt64(preset.minSeedLookahead),
            "EPOCHS_PER_ETH1_VOTING_PERIOD": UInt64(preset.epochsPerEth1VotingPeriod),
            "SLOTS_PER_HISTORICAL_ROOT": UInt64(preset.slotsPerHistoricalRoot),
            "EPOCHS_PER_HISTORICAL_VECTOR": UInt64(preset.epochsPerHistoricalVector),
            "EPOCHS_PER_SLASHINGS_VECTOR": UInt64(preset.epochsPerSlashingsVector),
            "HISTORICAL_ROOTS_LIMIT": UInt64(preset.historicalRootsLimit),
            "VALIDATOR_REGISTRY_LIMIT": UInt64(preset.validatorRegistryLimit),
            "MAX_PROPOSER_SLASHINGS": UInt64(preset.maxProposerSlashings),
            "MAX_DEPOSITS": UInt64(preset.maxDeposits),
            "MAX_VOLUNTARY_EXITS": UInt64(preset.maxVoluntaryExits),
            "SYNC_COMMITTEE_SIZE": UInt64(preset.syncCommitteeSize),
            "EPOCHS_PER_SYNC_COMMITTEE_PERIOD": UInt64(preset.epochsPerSyncCommitteePeriod),
            "MAX_BYTES_PER_TRANSACTION": UInt64(preset.maxBytesPerTransaction),
            "MAX_TRANSACTIONS_PER_PAYLOAD": UInt64(preset.maxTransactionsPerPayload),
            "BYTES_PER_LOGS_BLOOM": UInt64(preset.bytesPerLogsBloom),
            "MAX_EXTRA_DATA_BYTES": UInt64(preset.maxExtraDataBytes),
            "MAX_BLS_TO_EXECUTION_CHANGES": UInt64(preset.maxBlsToExecutionChanges),
            "MAX_WITHDRAWALS_PER_PAYLOAD": UInt64(preset.maxWithdrawalsPerPayload),
            "MAX_BLOB_COMMITMENTS_PER_BLOCK": UInt64(preset.maxBlobCommitmentsPerBlock),
            "MIN_ACTIVATION_BALANCE": preset.minActivationBalance,
            "MAX_EFFECTIVE_BALANCE_ELECTRA": preset.maxEffectiveBalanceElectra,
            "PENDING_DEPOSITS_LIMIT": UInt64(preset.pendingDepositsLimit),
            "PENDING_PARTIAL_WITHDRAWALS_LIMIT": UInt64(preset.pendingPartialWithdrawalsLimit),
            "PENDING_CONSOLIDATIONS_LIMIT": UInt64(preset.pendingConsolidationsLimit),
            "MAX_ATTESTER_SLASHINGS_ELECTRA": UInt64(preset.maxAttesterSlashingsElectra),
            "MAX_ATTESTATIONS_ELECTRA": UInt64(preset.maxAttestationsElectra),
            "MAX_DEPOSIT_REQUESTS_PER_PAYLOAD": UInt64(preset.maxDepositRequestsPerPayload),
            "MAX_WITHDRAWAL_REQUESTS_PER_PAYLOAD": UInt64(preset.maxWithdrawalRequestsPerPayload),
            "MAX_CONSOLIDATION_REQUESTS_PER_PAYLOAD": UInt64(preset.maxConsolidationRequestsPerPayload),
        ]
    }

    @Test(arguments: ["minimal", "mainnet"])
    func valuesEqualConsensusSpecs(name: String) throws {
        let preset = try #require(ConsensusPreset(named: name))
        let spec = try specValues(name)
        for (key, value) in modelled(preset) {
            #expect(spec[key] == value, "\(preset.name) \(key)")
        }
    }

    @Test func lookupByNameAndDerivedSizes() {
        #expect(ConsensusPreset(named: "minimal") == .minimal)
        #expect(ConsensusPreset(named: "mainnet") == .mainnet)
        #expect(ConsensusPreset(named: "gnosis") == nil)
        #expect(ConsensusPreset.minimal.proposerLookaheadLength == 16)
        #expect(ConsensusPreset.mainnet.proposerLookaheadLength == 64)
        #expect(ConsensusPreset.mainnet.eth1DataVotesLimit == 2048)
    }

    @Test func forks() {
        #expect(ConsensusFork.fulu.previous == .electra)
        #expect(ConsensusFork.phase0.previous == nil)
        #expect(ConsensusFork.electra < .fulu && .fulu < .gloas)
        #expect(ConsensusFork.phase0.versionConfigKey == "GENESIS_FORK_VERSION")
        #expect(ConsensusFork.electra.versionConfigKey == "ELECTRA_FORK_VERSION")
        #expect(ConsensusFork.fulu.epochConfigKey == "FULU_FORK_EPOCH")
        #expect(ConsensusFork.allCases.filter(\.hasBeaconStateSupport) == [.electra, .fulu])
    }
}
