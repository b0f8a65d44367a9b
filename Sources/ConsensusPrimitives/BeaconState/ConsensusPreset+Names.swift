import EthereumPrimitives
extension ConsensusPreset {
    /// The modelled preset values by their consensus-specs names (`SLOTS_PER_EPOCH`, …), as a `config.yaml` would spell
    /// them if it (wrongly) overrode one.
    public var valuesByName: [(name: String, value: UInt64)] {
        [
            ("MAX_COMMITTEES_PER_SLOT", UInt64(maxCommitteesPerSlot)),
            ("MAX_VALIDATORS_PER_COMMITTEE", UInt64(maxValidatorsPerCommittee)),
            ("SHUFFLE_ROUND_COUNT", UInt64(shuffleRoundCount)),
            ("MAX_EFFECTIVE_BALANCE", maxEffectiveBalance),
            ("EFFECTIVE_BALANCE_INCREMENT", effectiveBalanceIncrement),
            ("SLOTS_PER_EPOCH", UInt64(slotsPerEpoch)),
            ("MIN_SEED_LOOKAHEAD", UInt64(minSeedLookahead)),
            ("EPOCHS_PER_ETH1_VOTING_PERIOD", UInt64(epochsPerEth1VotingPeriod)),
            ("SLOTS_PER_HISTORICAL_ROOT", UInt64(slotsPerHistoricalRoot)),
            ("EPOCHS_PER_HISTORICAL_VECTOR", UInt64(epochsPerHistoricalVector)),
            ("EPOCHS_PER_SLASHINGS_VECTOR", UInt64(epochsPerSlashingsVector)),
            ("HISTORICAL_ROOTS_LIMIT", UInt64(historicalRootsLimit)),
            ("VALIDATOR_REGISTRY_LIMIT", UInt64(validatorRegistryLimit)),
            ("MAX_PROPOSER_SLASHINGS", UInt64(maxProposerSlashings)),
            ("MAX_DEPOSITS", UInt64(maxDeposits)),
            ("MAX_VOLUNTARY_EXITS", UInt64(maxVoluntaryExits)),
            ("SYNC_COMMITTEE_SIZE", UInt64(syncCommitteeSize)),
            ("EPOCHS_PER_SYNC_COMMITTEE_PERIOD", UInt64(epochsPerSyncCommitteePeriod)),
            ("MAX_BYTES_PER_TRANSACTION", UInt64(maxBytesPerTransaction)),
            ("MAX_TRANSACTIONS_PER_PAYLOAD", UInt64(maxTransactionsPerPayload)),
            ("BYTES_PER_LOGS_BLOOM", UInt64(bytesPerLogsBloom)),
            ("MAX_EXTRA_DATA_BYTES", UInt64(maxExtraDataBytes)),
            ("MAX_BLS_TO_EXECUTION_CHANGES", UInt64(maxBlsToExecutionChanges)),
            ("MAX_WITHDRAWALS_PER_PAYLOAD", UInt64(maxWithdrawalsPerPayload)),
            ("MAX_BLOB_COMMITMENTS_PER_BLOCK", UInt64(maxBlobCommitmentsPerBlock)),
            ("MIN_ACTIVATION_BALANCE", minActivationBalance),
            ("MAX_EFFECTIVE_BALANCE_ELECTRA", maxEffectiveBalanceElectra),
            ("PENDING_DEPOSITS_LIMIT", UInt64(pendingDepositsLimit)),
            ("PENDING_PARTIAL_WITHDRAWALS_LIMIT", UInt64(pendingPartialWithdrawalsLimit)),
            ("PENDING_CONSOLIDATIONS_LIMIT", UInt64(pendingConsolidationsLimit)),
            ("MAX_ATTESTER_SLASHINGS_ELECTRA", UInt64(maxAttesterSlashingsElectra)),
            ("MAX_ATTESTATIONS_ELECTRA", UInt64(maxAttestationsElectra)),
            ("MAX_DEPOSIT_REQUESTS_PER_PAYLOAD", UInt64(maxDepositRequestsPerPayload)),
            ("MAX_WITHDRAWAL_REQUESTS_PER_PAYLOAD", UInt64(maxWithdrawalRequestsPerPayload)),
            ("MAX_CONSOLIDATION_REQUESTS_PER_PAYLOAD", UInt64(maxConsolidationRequestsPerPayload)),
        ]
    }

    /// The default slot duration of networks on this preset (consensus-specs `configs/<preset>.yaml`), in ms.
    public var defaultSlotDurationMilliseconds: UInt64 { name == "minimal" ? 6000 : 12000 }
}
