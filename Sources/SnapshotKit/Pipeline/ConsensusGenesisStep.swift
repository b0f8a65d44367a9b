/// Builds the consensus side of the snapshot — config, genesis state, validator keys — with a consensus plugin's
/// provider, on the EL genesis the earlier step wrote and the source chain's `config.yaml` and `mnemonics.yaml`.
public struct ConsensusGenesisStep: SnapshotStep {
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

    public func run(_ draft: inout SnapshotDraft) async throws {
        guard let execution = draft.executionGenesis else {
            preconditionFailure("the consensus genesis step runs after the EL genesis step")
        }
        let input = ConsensusGenesisInput(
            sourceConfig: try ConsensusConfig(contentsOf: draft.sourceFiles.config),
            sourceMnemonics: try MnemonicsFile(contentsOf: draft.sourceFiles.mnemonics),
            validators: validators,
            execution: execution.block,
            activeExecutionForks: ConsensusGenesisInput.activeExecutionForks(
                of: draft.sourceGenesis.config, atBlock: draft.block.number, timestamp: draft.block.timestamp),
            keystoreKDF: keystoreKDF)
        let result = try provider.writeConsensusGenesis(input, into: draft.workspace.folder)
        draft.consensusGenesis = (client, result)
    }
}
