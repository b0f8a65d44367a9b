import SnapshotKit

/// The consensus plugin that builds the snapshot's consensus genesis.
struct ConsensusChoice {
    let plugin: any ClientPlugin
    let provider: any ConsensusGenesisProvider

    /// The consensus client `auto` takes when the enclave's cannot be detected or has no plugin.
    static let fallback = "lighthouse"

    /// `choice` is `auto` or a plugin id. `auto` takes the enclave's consensus client when a plugin can build its
    /// genesis (detected from `clientVersion`, its beacon API's version, then from `serviceName`, its first consensus
    /// service), else the only plugin that can, else ``fallback``.
    static func resolve(registry: PluginRegistry, choice: String, clientVersion: String?, serviceName: String?) throws -> ConsensusChoice {
        let capable = registry.plugins(for: .consensus).filter { $0 is any ConsensusGenesisProvider }
        let plugin: any ClientPlugin
        if choice.lowercased() != "auto" {
            plugin = try registry.plugin(id: choice, layer: .consensus)
        } else if let detected = clientVersion.flatMap({ registry.detect(clientVersion: $0, layer: .consensus) })
                    ?? serviceName.flatMap({ registry.detect(serviceName: $0, layer: .consensus) }),
                  detected is any ConsensusGenesisProvider {
            plugin = detected
        } else if capable.count == 1 {
            plugin = capable[0]
        } else if let fallback = capable.first(where: { $0.id == fallback }) {
            plugin = fallback
        } else {
            throw CreateError.cannotChooseConsensus(capable: capable.map(\.id))
        }
        guard let provider = plugin as? any ConsensusGenesisProvider else {
            throw CreateError.noConsensusGenesis(plugin: plugin.id, capable: capable.map(\.id))
        }
        return ConsensusChoice(plugin: plugin, provider: provider)
    }
}
