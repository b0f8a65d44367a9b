import SnapshotKit

/// The Besu execution client plugin.
public struct BesuPlugin: ExecutionClientPlugin {
    public init() {}

    public let id = "besu"
    public let displayName = "Besu"
    public let layer = ClientLayer.execution
    public let detection = ClientDetectionRules(clientVersionNames: ["besu"], serviceNameTokens: ["besu"])
    public var roles: [PluginRole] { [.stateSource, .runtime] }

    /// `range`: `BesuRangeStateSource`, for a Forest database; `universal`: traces and proofs
    /// (`UniversalStateSource`), for any database that still holds every block's state. By default `range` is tried
    /// first and `universal` takes over on Bonsai (the default format) or when the range comes back incomplete.
    public let stateSourceNames = ["range", "universal"]

    /// What Besu must provide for the universal source: a tracing API and the state every block is traced from.
    public static let tracingRequirement = NodeRequirement(
        id: NodeRequirement.tracing.id, summary: NodeRequirement.tracing.summary,
        remedy: "start besu with --rpc-http-api=ETH,NET,WEB3,DEBUG,TRACE and --data-storage-format=FOREST (Bonsai keeps "
            + "only the last --bonsai-historical-block-limit blocks' state, 512 by default)")

    /// Why a state source cannot be made.
    public struct UnknownStateSource: Error, Equatable, CustomStringConvertible {
        public let name: String
        public let known: [String]
        public var description: String {
            "besu has no state source '\(name)' — choose one of: \(known.joined(separator: ", "))"
        }
    }

    /// The preferred source, or `range`.
    public func makeStateSource(_ environment: StateSourceEnvironment) throws -> any StateSource {
        try makeStateSources(environment).first
    }

    /// `range` then `universal`, or the one source `--state-source` names. Without the original genesis (which the
    /// universal source starts from) the default is `range` alone.
    public func makeStateSources(_ environment: StateSourceEnvironment) throws -> StateSourceChain {
        let range = BesuRangeStateSource(rpc: environment.rpc)
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
        try UniversalStateSource(environment, options: .init(tracingRequirement: Self.tracingRequirement))
    }
}
