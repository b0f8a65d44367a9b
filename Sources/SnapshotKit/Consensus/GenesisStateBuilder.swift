/// Builds the genesis `BeaconState` of a consensus config, byte for byte as eth-beacon-genesis
/// (`eth-genesis-state-generator beaconchain`, v0.0.5) builds it for Electra and Fulu.
///
/// Genesis time is `MIN_GENESIS_TIME` (the EL timestamp when 0) plus `GENESIS_DELAY`; nothing else in the state
/// depends on it, so a later time can be set by rewriting the state's first 8 bytes.
public struct GenesisStateBuilder: Sendable {
    /// The consensus config the state follows.
    public let config: ConsensusConfig
    /// The fork of the state: the latest fork at epoch 0.
    public let fork: ConsensusFork
    /// The preset named by `PRESET_BASE`.
    public let preset: ConsensusPreset

    /// Reads the fork, preset, fork versions and domains from `config`; throws for an unsupported fork or preset.
    public init(config: ConsensusConfig) throws(ConsensusGenesisError) {
        self.config = config
        preset = try config.preset()
        fork = try config.genesisFork()
        stateFork = try Fork(
            previousVersion: config.forkVersion(of: fork.previous ?? fork),
            currentVersion: config.forkVersion(of: fork), epoch: 0)
        syncCommitteeDomain = try config.syncCommitteeDomain()
        beaconProposerDomain = try config.beaconProposerDomain()
    }

    private let stateFork: Fork
    private let syncCommitteeDomain: [UInt8]
    private let beaconProposerDomain: [UInt8]

    /// The genesis state of `validators` on top of the EL genesis `execution`.
    ///
    /// Throws when the EL genesis does not activate the execution forks of the consensus forks at genesis (Shanghai
    /// for Capella, Cancun for Deneb, Prague for Electra, Osaka for Fulu), when its extra data is too long, or when
    /// no validator is active.
    public func build(
        validators: [GenesisValidator], execution: ExecutionGenesisBlock
    ) throws(ConsensusGenesisError) -> BeaconState {
        try checkExecutionForks(execution)
        let payloadHeader = try execution.payloadHeader(preset: preset)
        let registry = registry(validators)
        let mix = execution.hash
        let committee = try GenesisSyncCommittee.committee(
            indices: syncCommitteeIndices(registry: registry, mix: mix), validators: registry)

        var state: BeaconState
        do { state = try BeaconState(fork: fork, preset: preset) } catch { throw .unsupportedGenesisFork(fork.rawValue) }
        state.genesisTime = config.genesisTime(executionTimestamp: execution.header.timestamp)
        state.genesisValidatorsRoot = Validator.registryRoot(registry, preset: preset)
        state.fork = stateFork
        do {
            state.latestBlockHeader.bodyRoot = try BeaconBlockBody.defaultHashTreeRoot(fork: fork, preset: preset)
        } catch {
            throw .unsupportedGenesisFork(fork.rawValue)
        }
        state.eth1Data = Eth1Data(depositRoot: Eth1Data.emptyDepositRoot, depositCount: 0, blockHash: mix)
        state.validators = registry
        state.balances = GenesisRegistry.balances(validators, preset: preset)
        state.randaoMixes = Array(repeating: mix, count: preset.epochsPerHistoricalVector)
        state.previousEpochParticipation = Array(repeating: 0, count: registry.count)
        state.currentEpochParticipation = state.previousEpochParticipation
        state.inactivityScores = Array(repeating: 0, count: registry.count)
        state.currentSyncCommittee = committee
        state.nextSyncCommittee = committee
        state.latestExecutionPayloadHeader = payloadHeader
        if fork >= .fulu {
            state.proposerLookahead = proposerLookahead(registry: registry, mix: mix)
        }
        return state
    }

    /// The registry entries of `validators` (``GenesisRegistry/validators(_:preset:electraAtGenesis:)``).
    public func registry(_ validators: [GenesisValidator]) -> [Validator] {
        GenesisRegistry.validators(validators, preset: preset, electraAtGenesis: config.isElectraAtGenesis)
    }

    /// The sync committee members' validator indices (``GenesisSyncCommittee``); empty without active validators.
    public func syncCommitteeIndices(registry: [Validator], mix: [UInt8]) -> [UInt64] {
        GenesisSyncCommittee.indices(
            validators: registry, mix: mix, preset: preset, electra: config.isElectraAtGenesis,
            domain: syncCommitteeDomain)
    }

    /// Fulu's proposer lookahead (``GenesisProposerLookahead``); empty without active validators.
    public func proposerLookahead(registry: [Validator], mix: [UInt8]) -> [UInt64] {
        GenesisProposerLookahead.proposers(validators: registry, mix: mix, preset: preset, domain: beaconProposerDomain)
    }

    /// Requires every consensus fork up to the genesis fork that has an execution counterpart to find it active at
    /// the EL genesis block.
    public func checkExecutionForks(_ execution: ExecutionGenesisBlock) throws(ConsensusGenesisError) {
        for consensusFork in ConsensusFork.allCases where consensusFork <= fork {
            guard let name = consensusFork.executionForkName, !execution.isForkActive(name) else { continue }
            throw .executionForkMissing(consensusFork: consensusFork.rawValue, executionFork: name)
        }
    }
}
