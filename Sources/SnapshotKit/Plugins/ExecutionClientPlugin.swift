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
    /// The names `--state-source` accepts for this client, default first.
    var stateSourceNames: [String] { get }
    /// The state source to use for a node of this client (`environment.preference` names one of
    /// `stateSourceNames`; `nil` means the first). Must not call the node: sources are also built offline to list
    /// their requirements (``stateSourceSummaries()``); a source checks the node in `checkRequirements`.
    func makeStateSource(_ environment: StateSourceEnvironment) throws -> any StateSource
    /// The state sources to try for a node of this client, in order (see `StateSourceChain`): without a
    /// `preference`, e.g. a fast source that needs a node feature first and one that works everywhere next; with one,
    /// that source alone. By default, `makeStateSource` alone.
    func makeStateSources(_ environment: StateSourceEnvironment) throws -> StateSourceChain
}

extension ExecutionClientPlugin {
    public func makeStateSources(_ environment: StateSourceEnvironment) throws -> StateSourceChain {
        StateSourceChain([try makeStateSource(environment)])
    }
}
