import ArgumentParser
import SnapshotKit

/// `create`'s options for the consensus genesis: the plugin that builds it, the validators and their keystores.
struct CreateGenesisOptions: ParsableArguments {
    @Option(
        name: [.customLong("runtime-cl"), .customLong("cl")],
        help: ArgumentHelp("Consensus client that runs the snapshot and whose layout its keys take (lighthouse, teku): auto (the enclave's consensus client if a plugin can run it, else \(ConsensusChoice.fallback)) or a plugin id.", valueName: "auto|id"))
    var cl = "auto"

    @Option(help: ArgumentHelp("Number of genesis validators (default: the source's, at most 64).", valueName: "n"))
    var validators: UInt64?

    @Option(help: ArgumentHelp("A BIP-39 mnemonic for the validators instead of the source's mnemonics.yaml.", valueName: "words"))
    var mnemonic: String?

    @Option(name: .customLong("keystore-kdf"), help: ArgumentHelp("Validator keystore encryption: devnet (pbkdf2 with 2 rounds, instant; the keys are public devnet keys), pbkdf2 or scrypt (EIP-2335 defaults, slow).", valueName: "kdf"))
    var keystoreKDF = KeystoreKDFChoice.devnet

    func validate() throws {
        if validators == 0 { throw ValidationError("--validators must be at least 1") }
    }

    /// Whether `--cl` leaves the choice to detection.
    var detectsConsensusClient: Bool { cl.lowercased() == "auto" }

    /// The consensus genesis stage of the plugin `--cl` names (`clientVersion`: the enclave's beacon node version;
    /// `serviceName`: its consensus service).
    func step(registry: PluginRegistry, clientVersion: String?, serviceName: String?) throws -> ConsensusGenesisStep {
        let choice = try ConsensusChoice.resolve(registry: registry, choice: cl, clientVersion: clientVersion, serviceName: serviceName)
        return ConsensusGenesisStep(
            client: choice.plugin.id, provider: choice.provider,
            validators: ValidatorSelection(mnemonic: mnemonic, count: validators), keystoreKDF: keystoreKDF.parameters)
    }
}

/// `--keystore-kdf`: how validator keystores are encrypted.
enum KeystoreKDFChoice: String, ExpressibleByArgument, CaseIterable {
    case devnet, pbkdf2, scrypt

    var parameters: KeystoreKDFParameters {
        switch self {
        case .devnet: .devnetPBKDF2
        case .pbkdf2: .standardPBKDF2
        case .scrypt: .standardScrypt
        }
    }
}
