import SnapshotKit

/// The Template consensus client plugin: the core builds the snapshot's consensus genesis in the layout Template
/// reads its validator keys from, and Template's beacon node and validator client run it.
///
/// TEMPLATE: for a consensus client keep the `TemplateConsensus*.swift` files and delete the execution ones
/// (`TemplatePlugin.swift`, `TemplateRuntime.swift`, `TemplateRuntimeEmitter.swift` and their tests); for an
/// execution client delete these. docs/writing-a-plugin.md, "Consensus clients", has the steps.
public struct TemplateConsensusPlugin: ConsensusClientPlugin, RuntimeClientPlugin {
    public init() {}

    // TEMPLATE: the id is typed as `--runtime-cl template` and written in metadata.json: the client's name, lowercase.
    public let id = "template"
    // TEMPLATE: the client's name as its authors write it.
    public let displayName = "Template"
    public let layer = ClientLayer.consensus
    // TEMPLATE: detection rules.
    // - clientVersionNames: the first '/'-separated field of the beacon API's `/eth/v1/node/version`, compared
    //   without case (`teku/v26.8.0/…` → "teku");
    // - serviceNameTokens: the client's token in ethereum-package service names (`cl-1-template-geth` → "template").
    public let detection = ClientDetectionRules(clientVersionNames: ["Template"], serviceNameTokens: ["template"])
    public var roles: [PluginRole] { [.consensusGenesis, .runtime] }

    // TEMPLATE: where the validator client reads keystores and passwords, under `validators/`: `{pubkey}` is the
    // key's 0x public key; the first path component below the folder (a folder or a file) must name one key. Add
    // `networkFiles` the client reads next to config.yaml and genesis.ssz, and `validatorOwner` ("uid:gid") when the
    // image runs as a fixed non-root user that must write next to its keys (lock files, slashing protection).
    public var consensusLayout: ConsensusLayout {
        ConsensusLayout(
            keystore: "validators/keystores/\(ConsensusLayout.pubkeyPlaceholder).json",
            password: "validators/secrets/\(ConsensusLayout.pubkeyPlaceholder).txt")
    }

    public var runtimeEmitters: [any RuntimeEmitter] {
        [TemplateConsensusRuntimeEmitter(role: .beacon), TemplateConsensusRuntimeEmitter(role: .validator)]
    }
}
