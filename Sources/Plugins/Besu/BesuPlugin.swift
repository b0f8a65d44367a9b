import SnapshotKit

/// The Besu execution client plugin.
public struct BesuPlugin: ClientPlugin {
    public init() {}

    public let id = "besu"
    public let displayName = "Besu"
    public let layer = ClientLayer.execution
    public let detection = ClientDetectionRules(clientVersionNames: ["besu"], serviceNameTokens: ["besu"])
    public var roles: [PluginRole] { [] }
}
