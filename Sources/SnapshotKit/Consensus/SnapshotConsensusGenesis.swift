/// The client-agnostic consensus side of a snapshot: the rewritten config, the genesis state built on it and the
/// validators with their signing keys. A ``ConsensusGenesisProvider`` lays these out for its client.
public struct SnapshotConsensusGenesis: Sendable {
    /// The snapshot's `config.yaml`
    /// (``ConsensusConfig/rewrittenForSnapshot(activeExecutionForks:execution:genesisTime:)``).
    public let config: ConsensusConfig
    /// The genesis state.
    public let state: BeaconState
    /// The genesis validators, in registry order.
    public let validators: [DerivedValidator]
    /// The EL genesis block hash.
    public let elGenesisHash: [UInt8]

    /// Rewrites the source config, derives the selected validators and builds the genesis state.
    public init(_ input: ConsensusGenesisInput) throws(ConsensusGenesisError) {
        config = try input.sourceConfig.rewrittenForSnapshot(
            activeExecutionForks: input.activeExecutionForks, execution: input.execution,
            genesisTime: input.genesisTime ?? input.execution.header.timestamp)
        let builder = try GenesisStateBuilder(config: config)
        try builder.checkExecutionForks(input.execution)
        validators = try input.validators.entries(from: input.sourceMnemonics).deriveValidators()
        state = try builder.build(validators: validators.map(\.validator), execution: input.execution)
        elGenesisHash = input.execution.hash
    }

    /// The result for `metadata.json`, given the files written.
    public func result(files: [String]) -> ConsensusGenesisResult {
        ConsensusGenesisResult(
            fork: state.consensusFork, preset: state.preset.name, validators: state.validators.count,
            genesisValidatorsRoot: state.genesisValidatorsRoot, stateRoot: state.hashTreeRoot(),
            elGenesisHash: elGenesisHash, genesisTime: state.genesisTime, secondsPerSlot: config.uint64("SECONDS_PER_SLOT"),
            files: files.sorted())
    }
}
