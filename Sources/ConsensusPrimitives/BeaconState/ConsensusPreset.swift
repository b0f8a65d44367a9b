import EthereumPrimitives
/// A consensus-specs preset (`presets/<name>/*.yaml`): the compile-time sizes and limits of the SSZ types and the
/// constants the genesis state depends on. Values are exact copies of consensus-specs; property names are the spec
/// names in lower camel case.
public struct ConsensusPreset: Equatable, Sendable {
    /// `PRESET_BASE`: `minimal` or `mainnet`.
    public var name: String

    // MARK: phase0
    /// `MAX_COMMITTEES_PER_SLOT`.
    public var maxCommitteesPerSlot: Int
    /// `MAX_VALIDATORS_PER_COMMITTEE`.
    public var maxValidatorsPerCommittee: Int
    /// `SHUFFLE_ROUND_COUNT`: rounds of the swap-or-not shuffle.
    public var shuffleRoundCount: Int
    /// `MAX_EFFECTIVE_BALANCE` (Gwei).
    public var maxEffectiveBalance: UInt64
    /// `EFFECTIVE_BALANCE_INCREMENT` (Gwei).
    public var effectiveBalanceIncrement: UInt64
    /// `SLOTS_PER_EPOCH`.
    public var slotsPerEpoch: Int
    /// `MIN_SEED_LOOKAHEAD` (epochs).
    public var minSeedLookahead: Int
    /// `EPOCHS_PER_ETH1_VOTING_PERIOD`.
    public var epochsPerEth1VotingPeriod: Int
    /// `SLOTS_PER_HISTORICAL_ROOT`: length of `block_roots` and `state_roots`.
    public var slotsPerHistoricalRoot: Int
    /// `EPOCHS_PER_HISTORICAL_VECTOR`: length of `randao_mixes`.
    public var epochsPerHistoricalVector: Int
    /// `EPOCHS_PER_SLASHINGS_VECTOR`: length of `slashings`.
    public var epochsPerSlashingsVector: Int
    /// `HISTORICAL_ROOTS_LIMIT`: limit of `historical_roots` and `historical_summaries`.
    public var historicalRootsLimit: Int
    /// `VALIDATOR_REGISTRY_LIMIT`: limit of `validators` and the per-validator lists.
    public var validatorRegistryLimit: Int
    /// `MAX_PROPOSER_SLASHINGS` per block.
    public var maxProposerSlashings: Int
    /// `MAX_DEPOSITS` per block.
    public var maxDeposits: Int
    /// `MAX_VOLUNTARY_EXITS` per block.
    public var maxVoluntaryExits: Int

    // MARK: altair
    /// `SYNC_COMMITTEE_SIZE`.
    public var syncCommitteeSize: Int
    /// `EPOCHS_PER_SYNC_COMMITTEE_PERIOD`.
    public var epochsPerSyncCommitteePeriod: Int

    // MARK: bellatrix
    /// `MAX_BYTES_PER_TRANSACTION`.
    public var maxBytesPerTransaction: Int
    /// `MAX_TRANSACTIONS_PER_PAYLOAD`.
    public var maxTransactionsPerPayload: Int
    /// `BYTES_PER_LOGS_BLOOM`.
    public var bytesPerLogsBloom: Int
    /// `MAX_EXTRA_DATA_BYTES`.
    public var maxExtraDataBytes: Int

    // MARK: capella
    /// `MAX_BLS_TO_EXECUTION_CHANGES` per block.
    public var maxBlsToExecutionChanges: Int
    /// `MAX_WITHDRAWALS_PER_PAYLOAD`.
    public var maxWithdrawalsPerPayload: Int

    // MARK: deneb
    /// `MAX_BLOB_COMMITMENTS_PER_BLOCK`.
    public var maxBlobCommitmentsPerBlock: Int

    // MARK: electra
    /// `MIN_ACTIVATION_BALANCE` (Gwei).
    public var minActivationBalance: UInt64
    /// `MAX_EFFECTIVE_BALANCE_ELECTRA` (Gwei): cap for compounding (0x02) validators.
    public var maxEffectiveBalanceElectra: UInt64
    /// `PENDING_DEPOSITS_LIMIT`.
    public var pendingDepositsLimit: Int
    /// `PENDING_PARTIAL_WITHDRAWALS_LIMIT`.
    public var pendingPartialWithdrawalsLimit: Int
    /// `PENDING_CONSOLIDATIONS_LIMIT`.
    public var pendingConsolidationsLimit: Int
    /// `MAX_ATTESTER_SLASHINGS_ELECTRA` per block.
    public var maxAttesterSlashingsElectra: Int
    /// `MAX_ATTESTATIONS_ELECTRA` per block.
    public var maxAttestationsElectra: Int
    /// `MAX_DEPOSIT_REQUESTS_PER_PAYLOAD`.
    public var maxDepositRequestsPerPayload: Int
    /// `MAX_WITHDRAWAL_REQUESTS_PER_PAYLOAD`.
    public var maxWithdrawalRequestsPerPayload: Int
    /// `MAX_CONSOLIDATION_REQUESTS_PER_PAYLOAD`.
    public var maxConsolidationRequestsPerPayload: Int

    /// Limit of `eth1_data_votes`: `EPOCHS_PER_ETH1_VOTING_PERIOD * SLOTS_PER_EPOCH`.
    public var eth1DataVotesLimit: Int { epochsPerEth1VotingPeriod * slotsPerEpoch }

    /// Length of Fulu's `proposer_lookahead`: `(MIN_SEED_LOOKAHEAD + 1) * SLOTS_PER_EPOCH`.
    public var proposerLookaheadLength: Int { (minSeedLookahead + 1) * slotsPerEpoch }

    /// The `mainnet` preset (consensus-specs `presets/mainnet/*.yaml`).
    public static let mainnet = ConsensusPreset(
        name: "mainnet",
        maxCommitteesPerSlot: 64,
        maxValidatorsPerCommittee: 2048,
        shuffleRoundCount: 90,
        maxEffectiveBalance: 32_000_000_000,
        effectiveBalanceIncrement: 1_000_000_000,
        slotsPerEpoch: 32,
        minSeedLookahead: 1,
        epochsPerEth1VotingPeriod: 64,
        slotsPerHistoricalRoot: 8192,
        epochsPerHistoricalVector: 65536,
        epochsPerSlashingsVector: 8192,
        historicalRootsLimit: 16_777_216,
        validatorRegistryLimit: 1_099_511_627_776,
        maxProposerSlashings: 16,
        maxDeposits: 16,
        maxVoluntaryExits: 16,
        syncCommitteeSize: 512,
        epochsPerSyncCommitteePeriod: 256,
        maxBytesPerTransaction: 1_073_741_824,
        maxTransactionsPerPayload: 1_048_576,
        bytesPerLogsBloom: 256,
        maxExtraDataBytes: 32,
        maxBlsToExecutionChanges: 16,
        maxWithdrawalsPerPayload: 16,
        maxBlobCommitmentsPerBlock: 4096,
        minActivationBalance: 32_000_000_000,
        maxEffectiveBalanceElectra: 2_048_000_000_000,
        pendingDepositsLimit: 134_217_728,
        pendingPartialWithdrawalsLimit: 134_217_728,
        pendingConsolidationsLimit: 262_144,
        maxAttesterSlashingsElectra: 1,
        maxAttestationsElectra: 8,
        maxDepositRequestsPerPayload: 8192,
        maxWithdrawalRequestsPerPayload: 16,
        maxConsolidationRequestsPerPayload: 2)

    /// The `minimal` preset (consensus-specs `presets/minimal/*.yaml`).
    public static let minimal = ConsensusPreset(
        name: "minimal",
        maxCommitteesPerSlot: 4,
        maxValidatorsPerCommittee: 2048,
        shuffleRoundCount: 10,
        maxEffectiveBalance: 32_000_000_000,
        effectiveBalanceIncrement: 1_000_000_000,
        slotsPerEpoch: 8,
        minSeedLookahead: 1,
        epochsPerEth1VotingPeriod: 4,
        slotsPerHistoricalRoot: 64,
        epochsPerHistoricalVector: 64,
        epochsPerSlashingsVector: 64,
        historicalRootsLimit: 16_777_216,
        validatorRegistryLimit: 1_099_511_627_776,
        maxProposerSlashings: 16,
        maxDeposits: 16,
        maxVoluntaryExits: 16,
        syncCommitteeSize: 32,
        epochsPerSyncCommitteePeriod: 8,
        maxBytesPerTransaction: 1_073_741_824,
        maxTransactionsPerPayload: 1_048_576,
        bytesPerLogsBloom: 256,
        maxExtraDataBytes: 32,
        maxBlsToExecutionChanges: 16,
        maxWithdrawalsPerPayload: 4,
        maxBlobCommitmentsPerBlock: 4096,
        minActivationBalance: 32_000_000_000,
        maxEffectiveBalanceElectra: 2_048_000_000_000,
        pendingDepositsLimit: 134_217_728,
        pendingPartialWithdrawalsLimit: 64,
        pendingConsolidationsLimit: 64,
        maxAttesterSlashingsElectra: 1,
        maxAttestationsElectra: 8,
        maxDepositRequestsPerPayload: 8192,
        maxWithdrawalRequestsPerPayload: 16,
        maxConsolidationRequestsPerPayload: 2)
}

extension ConsensusPreset {
    /// The preset called `name` (`minimal` or `mainnet`), as in config.yaml's `PRESET_BASE`.
    public init?(named name: String) {
        guard let preset = [Self.minimal, Self.mainnet].first(where: { $0.name == name }) else { return nil }
        self = preset
    }
}
