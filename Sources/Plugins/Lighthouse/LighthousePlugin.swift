import SnapshotKit

/// The Lighthouse consensus client plugin.
public struct LighthousePlugin: ConsensusClientPlugin {
    public init() {}

    public let id = "lighthouse"
    public let displayName = "Lighthouse"
    public let layer = ClientLayer.consensus
    public let detection = ClientDetectionRules(clientVersionNames: ["Lighthouse"], serviceNameTokens: ["lighthouse"])
    public var roles: [PluginRole] { [.consensusGenesis, .runtime] }
    public var consensusLayout: ConsensusLayout { LighthouseLayout.consensus }
}
