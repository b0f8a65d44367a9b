import SnapshotKit

/// The Nethermind execution client plugin.
public struct NethermindPlugin: ClientPlugin {
    public init() {}

    public let id = "nethermind"
    public let displayName = "Nethermind"
    public let layer = ClientLayer.execution
    public let detection = ClientDetectionRules(clientVersionNames: ["Nethermind"], serviceNameTokens: ["nethermind"])
    public var roles: [PluginRole] { [] }
}
