import SnapshotKit

/// The Nethermind execution client plugin. Nethermind cannot list its state over RPC (`debug_dumpBlock` is not
/// implemented, there is no account range call), so it reads with the universal source alone.
public struct NethermindPlugin: ExecutionClientPlugin {
    public init() {}

    public let id = "nethermind"
    public let displayName = "Nethermind"
    public let layer = ClientLayer.execution
    public let detection = ClientDetectionRules(clientVersionNames: ["Nethermind"], serviceNameTokens: ["nethermind"])
    public var roles: [PluginRole] { [.stateSource, .runtime] }

    /// What Nethermind must provide for the universal source: the debug or trace module and every block's state.
    public static let tracingRequirement = NodeRequirement(
        id: NodeRequirement.tracing.id, summary: NodeRequirement.tracing.summary,
        remedy: "start nethermind with the debug and trace modules (--JsonRpc.EnabledModules=eth,net,web3,debug,trace,… "
            + "listing the ones you use too) and --Pruning.Mode=None (tracing re-executes every block from the state "
            + "before it)")

    /// `universal`: traces and proofs (`UniversalStateSource`).
    public var stateSources: [StateSourceFactory] { [.universal(.init(tracingRequirement: Self.tracingRequirement))] }
}
