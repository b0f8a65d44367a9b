/// Why a consensus genesis cannot be built from the given inputs. Each description is one line that names the input
/// at fault and what to change.
public enum ConsensusGenesisError: Error, Equatable, CustomStringConvertible {
    /// A file could not be read.
    case unreadable(path: String, reason: String)
    /// `config.yaml` is not a YAML mapping of keys to values.
    case invalidConfig(reason: String)
    /// `config.yaml` lacks a key the genesis needs.
    case missingConfigKey(String)
    /// A `config.yaml` value has the wrong form.
    case invalidConfigValue(key: String, reason: String)
    /// `PRESET_BASE` names a preset other than `minimal` and `mainnet`.
    case unknownPreset(String)
    /// `config.yaml` sets a preset constant to a value other than the preset's.
    case presetOverride(key: String, value: UInt64, preset: String, expected: UInt64)
    /// A fork active at genesis has no supported `BeaconState` (e.g. `GLOAS_FORK_EPOCH: 0`, or an unknown fork at 0).
    /// The EL genesis' latest fork active at the pinned block (`executionFork`) starts the snapshot's consensus
    /// chain in `consensusFork`, which has no supported genesis state (before Electra, or Gloas and later).
    case unsupportedExecutionFork(executionFork: String, consensusFork: String)
    case unsupportedGenesisFork(String)
    /// The latest fork at epoch 0 is older than Electra.
    case genesisForkBeforeElectra(String)
    /// `mnemonics.yaml` is malformed.
    case invalidMnemonics(reason: String)
    /// A mnemonic is not a valid BIP-39 phrase (entry index from 0, reason from the BIP-39 check).
    case invalidMnemonic(entry: Int, reason: String)
    /// A key could not be derived (e.g. a malformed `wd_key_path`).
    case keyDerivation(entry: Int, reason: String)
    /// The same validator key appears twice.
    case duplicatePubkey(String)
    /// A validator public key is not a valid compressed BLS12-381 G1 point.
    case invalidPubkey(String, reason: String)
    /// No validator is active at genesis, so there is no sync committee or proposer.
    case noActiveValidators
    /// The consensus fork at genesis needs an execution fork the EL genesis does not activate at its genesis block.
    case executionForkMissing(consensusFork: String, executionFork: String)
    /// The EL genesis block's extra data is longer than an execution payload allows.
    case extraDataTooLong(bytes: Int, limit: Int)
    /// The EL genesis could not be read or has a value the genesis cannot use.
    case invalidExecutionGenesis(reason: String)
    /// A requested validator selection is impossible.
    case invalidValidatorSelection(reason: String)
    /// An output file could not be written.
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        case .invalidConfig(let reason):
            "config.yaml is not a valid consensus config: \(reason); pass the network's config.yaml"
        case .missingConfigKey(let key):
            "config.yaml has no \(key); add it (the network's config.yaml from its genesis files has it)"
        case .invalidConfigValue(let key, let reason):
            "config.yaml \(key): \(reason)"
        case .unknownPreset(let name):
            "config.yaml PRESET_BASE is '\(name)'; only 'minimal' and 'mainnet' are supported"
        case .presetOverride(let key, let value, let preset, let expected):
            "config.yaml sets \(key) to \(value) but the \(preset) preset has \(expected); "
                + "remove the key (preset values cannot be changed)"
        case .unsupportedGenesisFork(let fork):
            "config.yaml activates \(fork) at epoch 0; only Electra and Fulu genesis states are supported, "
                + "set its *_FORK_EPOCH to 18446744073709551615"
        case .unsupportedExecutionFork(let executionFork, let consensusFork):
            "the EL genesis (genesis.json) has \(executionFork) active at the snapshot's block, so the snapshot would "
                + "start in \(consensusFork); only Electra and Fulu genesis states are supported — snapshot a block "
                + "where prague or osaka is the latest active fork"
        case .genesisForkBeforeElectra(let fork):
            "config.yaml's latest fork at epoch 0 is \(fork); only Electra and Fulu genesis states are supported, "
                + "set ELECTRA_FORK_EPOCH: 0"
        case .invalidMnemonics(let reason):
            "mnemonics.yaml: \(reason)"
        case .invalidMnemonic(let entry, let reason):
            "mnemonics.yaml entry \(entry): the mnemonic is not a valid BIP-39 phrase (\(reason)); check its words"
        case .keyDerivation(let entry, let reason):
            "mnemonics.yaml entry \(entry): cannot derive the keys: \(reason)"
        case .duplicatePubkey(let pubkey):
            "validator key \(pubkey) appears twice; make the mnemonics.yaml entries' key ranges disjoint"
        case .invalidPubkey(let pubkey, let reason):
            "validator key \(pubkey) is not a valid BLS public key: \(reason)"
        case .noActiveValidators:
            "no validator is active at genesis; give at least one validator a balance of 32 ETH or more and status 0"
        case .executionForkMissing(let consensusFork, let executionFork):
            "config.yaml has \(consensusFork) at genesis but the EL genesis does not activate \(executionFork) "
                + "at its genesis block; make the two genesis files agree"
        case .extraDataTooLong(let bytes, let limit):
            "the EL genesis extraData has \(bytes) bytes; an execution payload allows at most \(limit)"
        case .invalidExecutionGenesis(let reason):
            "EL genesis: \(reason)"
        case .invalidValidatorSelection(let reason):
            "validators: \(reason)"
        case .unwritable(let path, let reason):
            "cannot write \(path): \(reason)"
        }
    }
}
