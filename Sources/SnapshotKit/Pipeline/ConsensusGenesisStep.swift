/// Builds the consensus side of the snapshot — config, genesis state, validator keys — with a consensus plugin's
/// provider, on the EL genesis the earlier step wrote and the source chain's `config.yaml` and `mnemonics.yaml`.
public struct ConsensusGenesisStep: Sendable {
    /// The id of the plugin that provides it, for `metadata.json`.
    public let client: String
    public let provider: any ConsensusGenesisProvider
    public let validators: ValidatorSelection
    public let keystoreKDF: KeystoreKDFParameters

    public init(client: String, provider: any ConsensusGenesisProvider, validators: ValidatorSelection = .init(),
                keystoreKDF: KeystoreKDFParameters = .devnetPBKDF2) {
        self.client = client
        self.provider = provider
        self.validators = validators
        self.keystoreKDF = keystoreKDF
    }

    public var title: String { "building the consensus genesis and validator keys (\(client))" }

    /// Reads the source config and mnemonics, applies the validator selection and checks its mnemonics, so that
    /// bad inputs fail before the state is read.
    public func checkInputs(_ files: SourceGenesisFiles) throws {
        _ = try ConsensusConfig(contentsOf: files.config)
        let selected = try validators.entries(from: MnemonicsFile(contentsOf: files.mnemonics))
        for (index, entry) in selected.entries.enumerated() {
            do { _ = try Mnemonic(entry.mnemonic) } catch {
                throw ConsensusGenesisError.invalidMnemonic(entry: index, reason: error.description)
            }
        }
    }

    /// Builds the consensus genesis on the EL genesis `execution` into `workspace`.
    public func run(_ request: SnapshotRequest, execution: ELGenesisResult,
                    in workspace: SnapshotWorkspace) throws -> ConsensusGenesis {
        let input = ConsensusGenesisInput(
            sourceConfig: try ConsensusConfig(contentsOf: request.sourceFiles.config),
            sourceMnemonics: try MnemonicsFile(contentsOf: request.sourceFiles.mnemonics),
            validators: validators,
            execution: execution.block,
            activeExecutionForks: ConsensusGenesisInput.activeExecutionForks(
                of: request.sourceGenesis.config, atBlock: request.block.number, timestamp: request.block.timestamp),
            keystoreKDF: keystoreKDF)
        return ConsensusGenesis(client: client, result: try provider.writeConsensusGenesis(input, into: workspace.folder))
    }
}

/// The snapshot's consensus genesis as written, with the id of the plugin that wrote it.
public struct ConsensusGenesis: Sendable, Equatable {
    public let client: String
    public let result: ConsensusGenesisResult

    public init(client: String, result: ConsensusGenesisResult) {
        self.client = client
        self.result = result
    }
}
