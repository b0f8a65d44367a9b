import SnapshotKit

/// The Geth execution client plugin.
public struct GethPlugin: ClientPlugin {
    public init() {}

    public let id = "geth"
    public let displayName = "Geth"
    public let layer = ClientLayer.execution
    public let detection = ClientDetectionRules(clientVersionNames: ["Geth"], serviceNameTokens: ["geth"])
    public var roles: [PluginRole] { [.runtime] }
}
