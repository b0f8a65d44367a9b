import EthereumPrimitives
/// A `BeaconState` of fork Electra or Fulu under a preset, field by field in consensus-specs order.
///
/// Vectors must have their preset length and lists stay within their preset limit; ``serialize()`` and
/// ``hashTreeRoot()`` stop with a message naming the field otherwise (a programming error).
/// ``init(decoding:fork:preset:)`` checks every length and reports malformed input as ``SSZError``.
public struct BeaconState: Equatable, Sendable {
    /// The fork whose `BeaconState` layout this is (Electra or Fulu).
    public let consensusFork: ConsensusFork
    /// The preset fixing the vector lengths and list limits.
    public let preset: ConsensusPreset

    /// `genesis_time` (Unix seconds).
    public var genesisTime: UInt64 = 0
    /// `genesis_validators_root` (32 bytes).
    public var genesisValidatorsRoot: [UInt8] = zeroRoot
    /// `slot`.
    public var slot: UInt64 = 0
    /// `fork`: the fork versions (not to be confused with ``consensusFork``).
    public var fork = Fork()
    /// `latest_block_header`.
    public var latestBlockHeader = BeaconBlockHeader()
    /// `block_roots`: `SLOTS_PER_HISTORICAL_ROOT` roots.
    public var blockRoots: [[UInt8]]
    /// `state_roots`: `SLOTS_PER_HISTORICAL_ROOT` roots.
    public var stateRoots: [[UInt8]]
    /// `historical_roots`: at most `HISTORICAL_ROOTS_LIMIT` roots (frozen since Capella).
    public var historicalRoots: [[UInt8]] = []
    /// `eth1_data`.
    public var eth1Data = Eth1Data()
    /// `eth1_data_votes`: at most `EPOCHS_PER_ETH1_VOTING_PERIOD * SLOTS_PER_EPOCH`.
    public var eth1DataVotes: [Eth1Data] = []
    /// `eth1_deposit_index`.
    public var eth1DepositIndex: UInt64 = 0
    /// `validators`: at most `VALIDATOR_REGISTRY_LIMIT`.
    public var validators: [Validator] = []
    /// `balances` (Gwei), one per validator.
    public var balances: [UInt64] = []
    /// `randao_mixes`: `EPOCHS_PER_HISTORICAL_VECTOR` 32-byte mixes.
    public var randaoMixes: [[UInt8]]
    /// `slashings` (Gwei): `EPOCHS_PER_SLASHINGS_VECTOR` values.
    public var slashings: [UInt64]
    /// `previous_epoch_participation`: participation flags, one byte per validator.
    public var previousEpochParticipation: [UInt8] = []
    /// `current_epoch_participation`: participation flags, one byte per validator.
    public var currentEpochParticipation: [UInt8] = []
    /// `justification_bits`: `Bitvector[4]`.
    public var justificationBits = SSZBitvector(count: ConsensusConstants.justificationBitsLength)
    /// `previous_justified_checkpoint`.
    public var previousJustifiedCheckpoint = Checkpoint()
    /// `current_justified_checkpoint`.
    public var currentJustifiedCheckpoint = Checkpoint()
    /// `finalized_checkpoint`.
    public var finalizedCheckpoint = Checkpoint()
    /// `inactivity_scores`, one per validator.
    public var inactivityScores: [UInt64] = []
    /// `current_sync_committee`.
    public var currentSyncCommittee: SyncCommittee
    /// `next_sync_committee`.
    public var nextSyncCommittee: SyncCommittee
    /// `latest_execution_payload_header`.
    public var latestExecutionPayloadHeader: ExecutionPayloadHeader
    /// `next_withdrawal_index`.
    public var nextWithdrawalIndex: UInt64 = 0
    /// `next_withdrawal_validator_index`.
    public var nextWithdrawalValidatorIndex: UInt64 = 0
    /// `historical_summaries`: at most `HISTORICAL_ROOTS_LIMIT`.
    public var historicalSummaries: [HistoricalSummary] = []
    /// `deposit_requests_start_index`.
    public var depositRequestsStartIndex: UInt64 = 0
    /// `deposit_balance_to_consume` (Gwei).
    public var depositBalanceToConsume: UInt64 = 0
    /// `exit_balance_to_consume` (Gwei).
    public var exitBalanceToConsume: UInt64 = 0
    /// `earliest_exit_epoch`.
    public var earliestExitEpoch: UInt64 = 0
    /// `consolidation_balance_to_consume` (Gwei).
    public var consolidationBalanceToConsume: UInt64 = 0
    /// `earliest_consolidation_epoch`.
    public var earliestConsolidationEpoch: UInt64 = 0
    /// `pending_deposits`: at most `PENDING_DEPOSITS_LIMIT`.
    public var pendingDeposits: [PendingDeposit] = []
    /// `pending_partial_withdrawals`: at most `PENDING_PARTIAL_WITHDRAWALS_LIMIT`.
    public var pendingPartialWithdrawals: [PendingPartialWithdrawal] = []
    /// `pending_consolidations`: at most `PENDING_CONSOLIDATIONS_LIMIT`.
    public var pendingConsolidations: [PendingConsolidation] = []
    /// `proposer_lookahead` (Fulu): `(MIN_SEED_LOOKAHEAD + 1) * SLOTS_PER_EPOCH` validator indices; empty before Fulu.
    public var proposerLookahead: [UInt64]

    /// The default state (every field zero or empty, vectors at their preset length) of `fork` and `preset`;
    /// set the fields one by one. Throws ``SSZError/unsupportedFork(_:)`` for forks other than Electra and Fulu.
    public init(fork: ConsensusFork, preset: ConsensusPreset) throws(SSZError) {
        guard fork.hasBeaconStateSupport else { throw .unsupportedFork(fork) }
        consensusFork = fork
        self.preset = preset
        blockRoots = Array(repeating: Self.zeroRoot, count: preset.slotsPerHistoricalRoot)
        stateRoots = blockRoots
        randaoMixes = Array(repeating: Self.zeroRoot, count: preset.epochsPerHistoricalVector)
        slashings = Array(repeating: 0, count: preset.epochsPerSlashingsVector)
        currentSyncCommittee = SyncCommittee(preset: preset)
        nextSyncCommittee = currentSyncCommittee
        latestExecutionPayloadHeader = ExecutionPayloadHeader(preset: preset)
        proposerLookahead = fork >= .fulu ? Array(repeating: 0, count: preset.proposerLookaheadLength) : []
    }

    /// Whether the layout has Fulu's `proposer_lookahead`.
    var hasProposerLookahead: Bool { consensusFork >= .fulu }

    static let zeroRoot = [UInt8](repeating: 0, count: SSZ.bytesPerChunk)
}
