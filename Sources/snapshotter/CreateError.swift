import SnapshotKit

/// Why `create` cannot proceed with the inputs it was given.
enum CreateError: Error, CustomStringConvertible {
    /// The chosen execution plugin cannot read a node's state.
    case noStateSource(plugin: String, capable: [String])
    /// The chosen consensus plugin cannot build a consensus genesis.
    case noConsensusGenesis(plugin: String, capable: [String])
    /// `--cl auto` has no single plugin to pick.
    case cannotChooseConsensus(capable: [String])
    /// The node and the genesis files belong to different chains.
    case chainMismatch(genesis: UInt64, node: UInt64, genesisFile: String)
    /// `--el auto` found no plugin for the node's `web3_clientVersion` or service name.
    case cannotDetect(clientVersion: String?, service: String?, known: [String])

    var description: String {
        switch self {
        case .noStateSource(let plugin, let capable):
            let listed = capable.isEmpty ? "none yet" : capable.joined(separator: ", ")
            return "the \(plugin) plugin cannot read a node's state; plugins that can: \(listed) — snapshot a node of one of those clients"
        case .noConsensusGenesis(let plugin, let capable):
            let listed = capable.isEmpty ? "none yet" : capable.joined(separator: ", ")
            return "the \(plugin) plugin cannot build a consensus genesis; plugins that can: \(listed) — pass --cl with one of them"
        case .cannotChooseConsensus(let capable):
            let listed = capable.isEmpty ? "none" : capable.joined(separator: ", ")
            return "cannot choose a consensus plugin by itself; plugins that build a consensus genesis: \(listed) — pass --cl <plugin>"
        case .chainMismatch(let genesis, let node, let file):
            return "\(file) is for chain id \(genesis) but the node serves chain id \(node) — pass the genesis files of the node's own chain"
        case .cannotDetect(let clientVersion, let service, let known):
            let seen = [clientVersion.map { "web3_clientVersion \"\($0)\"" }, service.map { "service \($0)" }]
                .compactMap { $0 }.joined(separator: ", ")
            return "cannot tell which execution client this is (\(seen.isEmpty ? "no clue" : seen)); known execution plugins: "
                + "\(known.joined(separator: ", ")) — pass --el <plugin>"
        }
    }
}
