import Foundation

/// One state source of an execution plugin as the user sees it before any node is reached (`snapshotter plugins`):
/// the `--state-source` name, the source's own name, and what it needs from the node.
public struct StateSourceSummary: Sendable, Equatable, Codable {
    /// The name `--state-source` accepts, e.g. `range`.
    public var option: String
    /// The source's name in messages, e.g. `debug_accountRange`.
    public var name: String
    /// What the node must provide.
    public var requirements: [NodeRequirement]

    public init(option: String, name: String, requirements: [NodeRequirement]) {
        self.option = option
        self.name = name
        self.requirements = requirements
    }
}

extension StateSourceEnvironment {
    /// An environment to build state sources in order to describe them, never to run them: nothing listens at its
    /// endpoint and its original genesis is empty. It works because ``ExecutionClientPlugin/makeStateSource(_:)``
    /// must not call the node (a source checks the node in `checkRequirements`).
    public static func offline(preference: String?) -> StateSourceEnvironment {
        let parameters = GenesisParameters(config: .empty, gasLimit: 0, difficulty: .zero)
        return StateSourceEnvironment(
            rpc: JSONRPCClient(endpoint: URL(string: "http://127.0.0.1:1")!, configuration: .init(maxAttempts: 1)),
            originalGenesis: GenesisFile(parameters: parameters, alloc: []), preference: preference)
    }
}

extension ExecutionClientPlugin {
    /// Every state source of the plugin in `stateSourceNames` order, built in an ``StateSourceEnvironment/offline(preference:)``
    /// environment. Throws what `makeStateSource` throws.
    public func stateSourceSummaries() throws -> [StateSourceSummary] {
        try stateSourceNames.map { option in
            let source = try makeStateSource(.offline(preference: option))
            return StateSourceSummary(option: option, name: source.name, requirements: source.requirements)
        }
    }
}
