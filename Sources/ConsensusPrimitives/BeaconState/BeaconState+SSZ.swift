import EthereumPrimitives
/// SSZ encoding and decoding of ``BeaconState``.
extension BeaconState {
    static func sszLayout(fork: ConsensusFork, preset: ConsensusPreset) -> [SSZFieldLayout] {
        let root = SSZ.bytesPerChunk
        var layout: [SSZFieldLayout] = [
            .fixed("genesis_time", 8),
            .fixed("genesis_validators_root", root),
            .fixed("slot", 8),
            .fixed("fork", Fork.sszSize),
            .fixed("latest_block_header", BeaconBlockHeader.sszSize),
            .fixed("block_roots", root * preset.slotsPerHistoricalRoot),
            .fixed("state_roots", root * preset.slotsPerHistoricalRoot),
            .variable("historical_roots"),
            .fixed("eth1_data", Eth1Data.sszSize),
            .variable("eth1_data_votes"),
            .fixed("eth1_deposit_index", 8),
            .variable("validators"),
            .variable("balances"),
            .fixed("randao_mixes", root * preset.epochsPerHistoricalVector),
            .fixed("slashings", 8 * preset.epochsPerSlashingsVector),
            .variable("previous_epoch_participation"),
            .variable("current_epoch_participation"),
            .fixed("justification_bits", (ConsensusConstants.justificationBitsLength + 7) / 8),
            .fixed("previous_justified_checkpoint", Checkpoint.sszSize),
            .fixed("current_justified_checkpoint", Checkpoint.sszSize),
            .fixed("finalized_checkpoint", Checkpoint.sszSize),
            .variable("inactivity_scores"),
            .fixed("current_sync_committee", SyncCommittee.sszSize(preset: preset)),
            .fixed("next_sync_committee", SyncCommittee.sszSize(preset: preset)),
            .variable("latest_execution_payload_header"),
            .fixed("next_withdrawal_index", 8),
            .fixed("next_withdrawal_validator_index", 8),
            .variable("historical_summaries"),
            .fixed("deposit_requests_start_index", 8),
            .fixed("deposit_balance_to_consume", 8),
            .fixed("exit_balance_to_consume", 8),
            .fixed("earliest_exit_epoch", 8),
            .fixed("consolidation_balance_to_consume", 8),
            .fixed("earliest_consolidation_epoch", 8),
            .variable("pending_deposits"),
            .variable("pending_partial_withdrawals"),
            .variable("pending_consolidations"),
        ]
        if fork >= .fulu { layout.append(.fixed("proposer_lookahead", 8 * preset.proposerLookaheadLength)) }
        return layout
    }

    /// Decodes an SSZ `BeaconState` of `fork` (Electra or Fulu) under `preset`, e.g. a `genesis.ssz`.
    public init(decoding bytes: [UInt8], fork: ConsensusFork, preset: ConsensusPreset) throws(SSZError) {
        try self.init(fork: fork, preset: preset)
        let registryLimit = preset.validatorRegistryLimit
        var fields = try SSZContainerDecoder(
            bytes[...], typeName: "BeaconState", layout: Self.sszLayout(fork: fork, preset: preset))
        genesisTime = fields.next().uint64()
        genesisValidatorsRoot = fields.next().byteVector()
        slot = fields.next().uint64()
        self.fork = try fields.next().decode(Fork.self)
        latestBlockHeader = try fields.next().decode(BeaconBlockHeader.self)
        blockRoots = try fields.next().rootVector(count: preset.slotsPerHistoricalRoot)
        stateRoots = try fields.next().rootVector(count: preset.slotsPerHistoricalRoot)
        historicalRoots = try fields.next().rootList(limit: preset.historicalRootsLimit)
        eth1Data = try fields.next().decode(Eth1Data.self)
        eth1DataVotes = try fields.next().list(of: Eth1Data.self, limit: preset.eth1DataVotesLimit)
        eth1DepositIndex = fields.next().uint64()
        validators = try fields.next().list(of: Validator.self, limit: registryLimit)
        balances = try fields.next().uint64List(limit: registryLimit)
        randaoMixes = try fields.next().rootVector(count: preset.epochsPerHistoricalVector)
        slashings = try fields.next().uint64Vector(count: preset.epochsPerSlashingsVector)
        previousEpochParticipation = try fields.next().byteList(limit: registryLimit)
        currentEpochParticipation = try fields.next().byteList(limit: registryLimit)
        justificationBits = try SSZBitvector(decoding: fields.next(), count: ConsensusConstants.justificationBitsLength)
        previousJustifiedCheckpoint = try fields.next().decode(Checkpoint.self)
        currentJustifiedCheckpoint = try fields.next().decode(Checkpoint.self)
        finalizedCheckpoint = try fields.next().decode(Checkpoint.self)
        inactivityScores = try fields.next().uint64List(limit: registryLimit)
        currentSyncCommittee = try SyncCommittee(sszBytes: fields.next().bytes, preset: preset)
        nextSyncCommittee = try SyncCommittee(sszBytes: fields.next().bytes, preset: preset)
        latestExecutionPayloadHeader = try ExecutionPayloadHeader(sszBytes: fields.next().bytes, preset: preset)
        nextWithdrawalIndex = fields.next().uint64()
        nextWithdrawalValidatorIndex = fields.next().uint64()
        historicalSummaries = try fields.next().list(of: HistoricalSummary.self, limit: preset.historicalRootsLimit)
        depositRequestsStartIndex = fields.next().uint64()
        depositBalanceToConsume = fields.next().uint64()
        exitBalanceToConsume = fields.next().uint64()
        earliestExitEpoch = fields.next().uint64()
        consolidationBalanceToConsume = fields.next().uint64()
        earliestConsolidationEpoch = fields.next().uint64()
        pendingDeposits = try fields.next().list(of: PendingDeposit.self, limit: preset.pendingDepositsLimit)
        pendingPartialWithdrawals = try fields.next().list(
            of: PendingPartialWithdrawal.self, limit: preset.pendingPartialWithdrawalsLimit)
        pendingConsolidations = try fields.next().list(
            of: PendingConsolidation.self, limit: preset.pendingConsolidationsLimit)
        if hasProposerLookahead {
            proposerLookahead = try fields.next().uint64Vector(count: preset.proposerLookaheadLength)
        }
    }

    /// The SSZ encoding (the content of a `genesis.ssz`).
    public func serialize() -> [UInt8] {
        checkLengths()
        var encoder = SSZContainerEncoder()
        encoder.fixedPart.appendSSZ(genesisTime)
        encoder.fixedPart.appendSSZ(
            byteVector: genesisValidatorsRoot, count: SSZ.bytesPerChunk, path: "BeaconState.genesis_validators_root")
        encoder.fixedPart.appendSSZ(slot)
        fork.encodeSSZ(into: &encoder.fixedPart)
        latestBlockHeader.encodeSSZ(into: &encoder.fixedPart)
        encoder.fixedPart.appendSSZ(roots: blockRoots, path: "BeaconState.block_roots")
        encoder.fixedPart.appendSSZ(roots: stateRoots, path: "BeaconState.state_roots")
        encoder.appendVariable(Self.encoded(roots: historicalRoots, path: "BeaconState.historical_roots"))
        eth1Data.encodeSSZ(into: &encoder.fixedPart)
        encoder.appendVariable(eth1DataVotes.encodedSSZ())
        encoder.fixedPart.appendSSZ(eth1DepositIndex)
        encoder.appendVariable(validators.encodedSSZ())
        encoder.appendVariable(SSZ.packed(balances))
        encoder.fixedPart.appendSSZ(roots: randaoMixes, path: "BeaconState.randao_mixes")
        encoder.fixedPart.appendSSZ(slashings)
        encoder.appendVariable(previousEpochParticipation)
        encoder.appendVariable(currentEpochParticipation)
        encoder.fixedPart.append(contentsOf: justificationBits.bytes)
        previousJustifiedCheckpoint.encodeSSZ(into: &encoder.fixedPart)
        currentJustifiedCheckpoint.encodeSSZ(into: &encoder.fixedPart)
        finalizedCheckpoint.encodeSSZ(into: &encoder.fixedPart)
        encoder.appendVariable(SSZ.packed(inactivityScores))
        currentSyncCommittee.encodeSSZ(into: &encoder.fixedPart, preset: preset)
        nextSyncCommittee.encodeSSZ(into: &encoder.fixedPart, preset: preset)
        encoder.appendVariable(latestExecutionPayloadHeader.serialize(preset: preset))
        encoder.fixedPart.appendSSZ(nextWithdrawalIndex)
        encoder.fixedPart.appendSSZ(nextWithdrawalValidatorIndex)
        encoder.appendVariable(historicalSummaries.encodedSSZ())
        encoder.fixedPart.appendSSZ(depositRequestsStartIndex)
        encoder.fixedPart.appendSSZ(depositBalanceToConsume)
        encoder.fixedPart.appendSSZ(exitBalanceToConsume)
        encoder.fixedPart.appendSSZ(earliestExitEpoch)
        encoder.fixedPart.appendSSZ(consolidationBalanceToConsume)
        encoder.fixedPart.appendSSZ(earliestConsolidationEpoch)
        encoder.appendVariable(pendingDeposits.encodedSSZ())
        encoder.appendVariable(pendingPartialWithdrawals.encodedSSZ())
        encoder.appendVariable(pendingConsolidations.encodedSSZ())
        if hasProposerLookahead { encoder.fixedPart.appendSSZ(proposerLookahead) }
        return encoder.finish()
    }

    /// Stops with a message naming the first field whose length breaks the preset or fork (a programming error).
    func checkLengths() {
        func check(_ field: String, _ count: Int, equals expected: Int) {
            precondition(
                count == expected, "BeaconState.\(field) has \(count) entries, \(preset.name) needs \(expected)")
        }
        func check(_ field: String, _ count: Int, atMost limit: Int) {
            precondition(count <= limit, "BeaconState.\(field) has \(count) entries, \(preset.name) allows \(limit)")
        }
        check("block_roots", blockRoots.count, equals: preset.slotsPerHistoricalRoot)
        check("state_roots", stateRoots.count, equals: preset.slotsPerHistoricalRoot)
        check("historical_roots", historicalRoots.count, atMost: preset.historicalRootsLimit)
        check("eth1_data_votes", eth1DataVotes.count, atMost: preset.eth1DataVotesLimit)
        check("validators", validators.count, atMost: preset.validatorRegistryLimit)
        check("balances", balances.count, atMost: preset.validatorRegistryLimit)
        check("randao_mixes", randaoMixes.count, equals: preset.epochsPerHistoricalVector)
        check("slashings", slashings.count, equals: preset.epochsPerSlashingsVector)
        check("previous_epoch_participation", previousEpochParticipation.count, atMost: preset.validatorRegistryLimit)
        check("current_epoch_participation", currentEpochParticipation.count, atMost: preset.validatorRegistryLimit)
        check("justification_bits", justificationBits.count, equals: ConsensusConstants.justificationBitsLength)
        check("inactivity_scores", inactivityScores.count, atMost: preset.validatorRegistryLimit)
        check("historical_summaries", historicalSummaries.count, atMost: preset.historicalRootsLimit)
        check("pending_deposits", pendingDeposits.count, atMost: preset.pendingDepositsLimit)
        check(
            "pending_partial_withdrawals", pendingPartialWithdrawals.count,
            atMost: preset.pendingPartialWithdrawalsLimit)
        check("pending_consolidations", pendingConsolidations.count, atMost: preset.pendingConsolidationsLimit)
        let lookaheadLength = hasProposerLookahead ? preset.proposerLookaheadLength : 0
        check("proposer_lookahead", proposerLookahead.count, equals: lookaheadLength)
    }

    private static func encoded(roots: [[UInt8]], path: String) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.appendSSZ(roots: roots, path: path)
        return bytes
    }
}
