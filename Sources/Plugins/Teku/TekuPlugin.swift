import SnapshotKit

/// The Teku consensus client plugin: Teku's beacon node and validator client run a snapshot.
///
/// Detection: the beacon API's `/eth/v1/node/version` answers `teku/v26.8.0/linux-x86_64/…`, and ethereum-package
/// names the beacon service `cl-1-teku-geth`.
public struct TekuPlugin: ConsensusClientPlugin {
    public init() {}

    public let id = "teku"
    public let displayName = "Teku"
    public let layer = ClientLayer.consensus
    public let detection = ClientDetectionRules(clientVersionNames: ["teku"], serviceNameTokens: ["teku"])
    public var roles: [PluginRole] { [.consensusGenesis, .runtime] }
    public var consensusLayout: ConsensusLayout { TekuLayout.consensus }
}
