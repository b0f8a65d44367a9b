import Foundation

/// Produces the consensus side of a snapshot for one consensus client: its network config, genesis state and
/// validator keys, in the client's own layout.
///
/// The core supplies the client-agnostic parts (``SnapshotConsensusGenesis``); a provider lays them out as its client
/// reads them.
public protocol ConsensusGenesisProvider: Sendable {
    /// Builds the consensus genesis of `input` and writes its files under `folder` (created if needed).
    func writeConsensusGenesis(_ input: ConsensusGenesisInput, into folder: URL) throws -> ConsensusGenesisResult
}

/// What a consensus genesis is made from.
public struct ConsensusGenesisInput: Sendable {
    /// The source network's `config.yaml`.
    public var sourceConfig: ConsensusConfig
    /// The source network's `mnemonics.yaml`.
    public var sourceMnemonics: MnemonicsFile
    /// Which validators the snapshot gets.
    public var validators: ValidatorSelection
    /// The snapshot's new EL genesis block.
    public var execution: ExecutionGenesisBlock
    /// The execution forks active at the pinned block, as chain configs name them (`cancun`, `prague`, `osaka`,
    /// `bpo1`…); they decide the consensus fork at genesis and the blob schedule.
    public var activeExecutionForks: [String]
    /// The genesis time to write (refreshed at every start anyway); nil means the EL genesis timestamp.
    public var genesisTime: UInt64?
    /// How validator keystores are encrypted.
    public var keystoreKDF: KeystoreKDFParameters

    public init(
        sourceConfig: ConsensusConfig, sourceMnemonics: MnemonicsFile, validators: ValidatorSelection = .init(),
        execution: ExecutionGenesisBlock, activeExecutionForks: [String], genesisTime: UInt64? = nil,
        keystoreKDF: KeystoreKDFParameters = .devnetPBKDF2
    ) {
        self.sourceConfig = sourceConfig
        self.sourceMnemonics = sourceMnemonics
        self.validators = validators
        self.execution = execution
        self.activeExecutionForks = activeExecutionForks
        self.genesisTime = genesisTime
        self.keystoreKDF = keystoreKDF
    }

    /// The names of the forks `config` has active at a block with this number and timestamp (the pinned block of
    /// the source chain).
    public static func activeExecutionForks(of config: ChainConfig, atBlock number: UInt64, timestamp: UInt64) -> [String] {
        config.activeForks(atBlock: number, timestamp: timestamp).map(\.name)
    }
}

/// What a provider wrote, for `metadata.json` (`cl.{fork, preset, validators, genesisValidatorsRoot}`).
public struct ConsensusGenesisResult: Sendable, Equatable {
    /// The fork of the genesis state.
    public var fork: ConsensusFork
    /// The preset name (`minimal`, `mainnet`).
    public var preset: String
    /// The number of genesis validators.
    public var validators: Int
    /// `genesis_validators_root`.
    public var genesisValidatorsRoot: [UInt8]
    /// `hash_tree_root` of the genesis state as written (it changes with the genesis time).
    public var stateRoot: [UInt8]
    /// The EL genesis block hash the state commits to.
    public var elGenesisHash: [UInt8]
    /// The genesis time written.
    public var genesisTime: UInt64
    /// The slot duration of the written config (`SECONDS_PER_SLOT`), which execution clients that time block building
    /// by the slot need; nil when the provider does not say.
    public var secondsPerSlot: UInt64?
    /// Every file written, relative to the output folder, sorted.
    public var files: [String]
    /// Where the validator keys were written (`metadata.json`'s `cl.layout`); nil when the provider does not say.
    public var layout: ConsensusLayout?

    public init(
        fork: ConsensusFork, preset: String, validators: Int, genesisValidatorsRoot: [UInt8], stateRoot: [UInt8],
        elGenesisHash: [UInt8], genesisTime: UInt64, secondsPerSlot: UInt64? = nil, files: [String],
        layout: ConsensusLayout? = nil
    ) {
        self.fork = fork
        self.preset = preset
        self.validators = validators
        self.genesisValidatorsRoot = genesisValidatorsRoot
        self.stateRoot = stateRoot
        self.elGenesisHash = elGenesisHash
        self.genesisTime = genesisTime
        self.secondsPerSlot = secondsPerSlot
        self.files = files
        self.layout = layout
    }
}
