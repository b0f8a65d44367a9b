import SnapshotKit

/// The Template execution client plugin: detects Template nodes, reads their state, and runs snapshots on Template.
///
/// TEMPLATE: this is the plugin skeleton (docs/writing-a-plugin.md). Every `TEMPLATE:` comment marks a decision to
/// make for the client; resolve it, then delete the comment. `grep -rn "TEMPLATE:"` lists what is left.
public struct TemplatePlugin: ExecutionClientPlugin {
    public init() {}

    // TEMPLATE: the id is typed as `--el template` and written in metadata.json: the client's name, lowercase.
    public let id = "template"
    // TEMPLATE: the client's name as its authors write it.
    public let displayName = "Template"
    public let layer = ClientLayer.execution
    // TEMPLATE: detection rules.
    // - clientVersionNames: the first '/'-separated field of the client's `web3_clientVersion`, compared without case;
    //   write it as the client prints it (the rename only guessed it from the type name).
    // - serviceNameTokens: the client's token in ethereum-package service names (`el-1-template-lighthouse` → "template").
    public let detection = ClientDetectionRules(clientVersionNames: ["Template"], serviceNameTokens: ["template"])
    // TEMPLATE: the roles the plugin fills. Without a runtime service, drop `.runtime` and the TemplateRuntime*.swift files.
    public var roles: [PluginRole] { [.stateSource, .runtime] }

    /// What the universal source needs from a Template node, with Template's own flags in the remedies.
    static let universalOptions = UniversalStateSource.Options(
        // TEMPLATE: only the tracing calls the client serves, in the order to try them.
        traceMethods: [.prestateDiff, .stateDiff],
        tracingRequirement: NodeRequirement(
            id: NodeRequirement.tracing.id, summary: NodeRequirement.tracing.summary,
            // TEMPLATE: the client's flags that serve those calls over HTTP and keep every block's state (archive).
            remedy: "start Template with the debug and trace JSON-RPC namespaces on its HTTP endpoint, as an archive node"),
        proofRequirement: NodeRequirement(
            id: NodeRequirement.proofs.id, summary: NodeRequirement.proofs.summary,
            // TEMPLATE: the flag, if any, that lets the client prove a block behind its head.
            remedy: "use a Template node that serves eth_getProof at the pinned block"))

    /// `universal`: ``UniversalStateSource`` (every block's traces, then `eth_getProof`), which works on any client
    /// with a tracing API.
    // TEMPLATE: the state sources in the order `create` tries them; their names are what --state-source accepts. When
    // the client can list its whole state itself (as geth's debug_accountRange does), write a StateSource for it (see
    // Sources/Plugins/Geth/AccountRangeStateSource.swift), list it first (`StateSourceFactory("range") { … }`), and
    // keep `.universal` as the fallback.
    public var stateSources: [StateSourceFactory] { [.universal(Self.universalOptions)] }
}
