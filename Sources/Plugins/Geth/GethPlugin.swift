import SnapshotKit

/// The Geth execution client plugin.
public struct GethPlugin: ExecutionClientPlugin {
    public init() {}

    public let id = "geth"
    public let displayName = "Geth"
    public let layer = ClientLayer.execution
    public let detection = ClientDetectionRules(clientVersionNames: ["Geth"], serviceNameTokens: ["geth"])
    public var roles: [PluginRole] { [.stateSource, .runtime] }

    /// `range`: `debug_accountRange` paging (`AccountRangeStateSource`), fast but only complete on a node that
    /// recorded preimages; `universal`: traces and proofs (`UniversalStateSource`), for any node with the debug API
    /// and the state of every block. By default `range` is tried first and `universal` takes over when the range
    /// comes back incomplete.
    public let stateSourceNames = ["range", "universal"]

    /// What geth must provide for the universal source: the debug API (prestateTracer) and every block's state.
    public static let tracingRequirement = NodeRequirement(
        id: NodeRequirement.tracing.id, summary: NodeRequirement.tracing.summary,
        remedy: "start geth with --http.api=eth,net,web3,debug and --gcmode=archive (tracing re-executes every block "
            + "from the state before it)")

    /// Why a state source cannot be made.
    public struct UnknownStateSource: Error, Equatable, CustomStringConvertible {
        public let name: String
        public let known: [String]
        public var description: String {
            "geth has no state source '\(name)' — choose one of: \(known.joined(separator: ", "))"
        }
    }

    /// The preferred source, or `range`.
    public func makeStateSource(_ environment: StateSourceEnvironment) throws -> any StateSource {
        try makeStateSources(environment).first
    }

    /// `range` then `universal`, or the one source `--state-source` names. Without the original genesis (which the
    /// universal source starts from) the default is `range` alone.
    public func makeStateSources(_ environment: StateSourceEnvironment) throws -> StateSourceChain {
        let range = AccountRangeStateSource(rpc: environment.rpc)
        switch environment.preference?.lowercased() {
        case nil:
            guard environment.originalGenesis != nil else { return StateSourceChain([range]) }
            return StateSourceChain([range, try universal(environment)])
        case "range": return StateSourceChain([range])
        case "universal": return StateSourceChain([try universal(environment)])
        case let other?: throw UnknownStateSource(name: other, known: stateSourceNames)
        }
    }

    private func universal(_ environment: StateSourceEnvironment) throws -> UniversalStateSource {
        try UniversalStateSource(environment, options: .init(traceMethods: [.prestateDiff], tracingRequirement: Self.tracingRequirement))
    }
}
