import SnapshotKit

/// The Geth execution client plugin.
public struct GethPlugin: ExecutionClientPlugin {
    public init() {}

    public let id = "geth"
    public let displayName = "Geth"
    public let layer = ClientLayer.execution
    public let detection = ClientDetectionRules(clientVersionNames: ["Geth"], serviceNameTokens: ["geth"])
    public var roles: [PluginRole] { [.stateSource, .runtime] }

    /// What geth must provide for the universal source: the debug API (prestateTracer) and every block's state.
    public static let tracingRequirement = NodeRequirement(
        id: NodeRequirement.tracing.id, summary: NodeRequirement.tracing.summary,
        remedy: "start geth with --http.api=eth,net,web3,debug and --gcmode=archive (tracing re-executes every block "
            + "from the state before it)")

    /// `range`: `debug_accountRange` paging (`AccountRangeStateSource`), fast but only complete on a node that
    /// recorded preimages; `universal`: traces and proofs (`UniversalStateSource`), for any node with the debug API
    /// and the state of every block. By default `range` is tried first and `universal` takes over when the range
    /// comes back incomplete.
    public var stateSources: [StateSourceFactory] {
        [
            StateSourceFactory("range") { AccountRangeStateSource(rpc: $0.rpc) },
            .universal(.init(traceMethods: [.prestateDiff], tracingRequirement: Self.tracingRequirement)),
        ]
    }
}
