/// What an execution client plugin is given to build a state source for a running node.
public struct StateSourceEnvironment: Sendable {
    /// The node's JSON-RPC endpoint.
    public var rpc: JSONRPCClient
    /// The source chain's original genesis (from the enclave's genesis artefact or `--genesis-dir`), when known.
    public var originalGenesis: GenesisFile?
    /// The user's choice among the plugin's sources (`--state-source`), `nil` for the plugin's default.
    public var preference: String?

    public init(rpc: JSONRPCClient, originalGenesis: GenesisFile?, preference: String?) {
        self.rpc = rpc
        self.originalGenesis = originalGenesis
        self.preference = preference
    }
}

/// An execution client plugin that can read a node's complete state.
public protocol ExecutionClientPlugin: ClientPlugin {
    /// The plugin's state sources, in the order `create` tries them; the first is the default.
    var stateSources: [StateSourceFactory] { get }
    /// The names `--state-source` accepts for this client, default first. By default, the names of `stateSources`.
    var stateSourceNames: [String] { get }
    /// The state source to use for a node of this client (`environment.preference` names one of
    /// `stateSourceNames`; `nil` means the first). By default, the first of `makeStateSources`.
    func makeStateSource(_ environment: StateSourceEnvironment) throws -> any StateSource
    /// The state sources to try for a node of this client, in order (see `StateSourceChain`). By default: with a
    /// `preference`, that source alone (`UnknownStateSourceError` when the plugin has none by that name); without
    /// one, every source of `stateSources` in order, leaving out those that need the original genesis when it is not
    /// known (unless that leaves none).
    func makeStateSources(_ environment: StateSourceEnvironment) throws -> StateSourceChain
}

extension ExecutionClientPlugin {
    public var stateSourceNames: [String] { stateSources.map(\.name) }

    public func makeStateSource(_ environment: StateSourceEnvironment) throws -> any StateSource {
        try makeStateSources(environment).first
    }

    public func makeStateSources(_ environment: StateSourceEnvironment) throws -> StateSourceChain {
        if let preference = environment.preference {
            guard let factory = stateSources.first(where: { $0.name == preference.lowercased() }) else {
                throw UnknownStateSourceError(plugin: id, name: preference, known: stateSourceNames)
            }
            return StateSourceChain([try factory.make(environment)])
        }
        let usable = stateSources.filter { environment.originalGenesis != nil || !$0.needsOriginalGenesis }
        let chosen = usable.isEmpty ? Array(stateSources.prefix(1)) : usable
        guard !chosen.isEmpty else { throw UnknownStateSourceError(plugin: id, name: "(default)", known: []) }
        return StateSourceChain(try chosen.map { try $0.make(environment) })
    }
}
