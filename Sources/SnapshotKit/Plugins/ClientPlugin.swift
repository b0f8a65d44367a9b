/// Which side of an Ethereum node a client implements.
public enum ClientLayer: String, Sendable, Codable, CaseIterable {
    case execution
    case consensus
}

/// A job a plugin can do for the pipeline.
public enum PluginRole: String, Sendable, Codable, CaseIterable {
    /// Reads the complete world state from a running node (`StateSource`).
    case stateSource = "state-source"
    /// Produces the consensus side of a snapshot (`ConsensusGenesisProvider`).
    case consensusGenesis = "consensus-genesis"
    /// Emits runtime service definitions (`RuntimeEmitter`).
    case runtime
}

/// How a client is recognised in an enclave.
public struct ClientDetectionRules: Sendable, Codable, Equatable {
    /// Case-insensitive prefixes of the `web3_clientVersion` answer's first `/`-separated field, e.g. `Geth`.
    public var clientVersionNames: [String]
    /// Tokens naming the client in Kurtosis service names (`el-1-geth-lighthouse` → `geth`).
    public var serviceNameTokens: [String]

    public init(clientVersionNames: [String], serviceNameTokens: [String]) {
        self.clientVersionNames = clientVersionNames
        self.serviceNameTokens = serviceNameTokens
    }
}

/// A client plugin: one target per client that depends on the core only.
///
/// The core never names a client: everything it knows about one comes through this protocol and the role
/// protocols a plugin adopts as well.
public protocol ClientPlugin: Sendable {
    /// Stable identifier used on the command line (`--el geth`), lowercase.
    var id: String { get }
    /// Human-readable name.
    var displayName: String { get }
    var layer: ClientLayer { get }
    var detection: ClientDetectionRules { get }
    /// The roles this plugin fills.
    var roles: [PluginRole] { get }
}
