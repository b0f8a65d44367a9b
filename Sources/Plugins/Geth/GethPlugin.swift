import SnapshotKit

/// The Geth execution client plugin.
public struct GethPlugin: ExecutionClientPlugin {
    public init() {}

    public let id = "geth"
    public let displayName = "Geth"
    public let layer = ClientLayer.execution
    public let detection = ClientDetectionRules(clientVersionNames: ["Geth"], serviceNameTokens: ["geth"])
    public var roles: [PluginRole] { [.stateSource, .runtime] }

    /// `range`: `debug_accountRange` paging (`AccountRangeStateSource`).
    public let stateSourceNames = ["range"]

    /// Why a state source cannot be made.
    public struct UnknownStateSource: Error, Equatable, CustomStringConvertible {
        public let name: String
        public let known: [String]
        public var description: String {
            "geth has no state source '\(name)' — choose one of: \(known.joined(separator: ", "))"
        }
    }

    public func makeStateSource(_ environment: StateSourceEnvironment) throws -> any StateSource {
        switch environment.preference?.lowercased() ?? stateSourceNames[0] {
        case "range": AccountRangeStateSource(rpc: environment.rpc)
        case let other: throw UnknownStateSource(name: other, known: stateSourceNames)
        }
    }
}
