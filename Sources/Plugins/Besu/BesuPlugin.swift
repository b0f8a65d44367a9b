import SnapshotKit

/// The Besu execution client plugin.
public struct BesuPlugin: ExecutionClientPlugin {
    public init() {}

    public let id = "besu"
    public let displayName = "Besu"
    public let layer = ClientLayer.execution
    public let detection = ClientDetectionRules(clientVersionNames: ["besu"], serviceNameTokens: ["besu"])
    public var roles: [PluginRole] { [.stateSource, .runtime] }

    /// What Besu must provide for the universal source: a tracing API and the state every block is traced from.
    public static let tracingRequirement = NodeRequirement(
        id: NodeRequirement.tracing.id, summary: NodeRequirement.tracing.summary,
        remedy: "start besu with --rpc-http-api=ETH,NET,WEB3,DEBUG,TRACE and --data-storage-format=FOREST (Bonsai keeps "
            + "only the last --bonsai-historical-block-limit blocks' state, 512 by default)")

    /// `range`: `BesuRangeStateSource`, for a Forest database; `universal`: traces and proofs
    /// (`UniversalStateSource`), for any database that still holds every block's state. By default `range` is tried
    /// first and `universal` takes over on Bonsai (the default format) or when the range comes back incomplete.
    public var stateSources: [StateSourceFactory] {
        [
            StateSourceFactory("range") { BesuRangeStateSource(rpc: $0.rpc) },
            .universal(.init(tracingRequirement: Self.tracingRequirement)),
        ]
    }
}
