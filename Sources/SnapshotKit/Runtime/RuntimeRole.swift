/// A long-running service of a snapshot's stack. The `init` service that prepares every start belongs to the core.
public enum RuntimeRole: String, Sendable, CaseIterable, Codable {
    /// The execution client (compose service `el`).
    case execution
    /// The consensus beacon node (compose service `cl`).
    case beacon
    /// The validator client (compose service `vc`).
    case validator

    /// The compose service name, also the name of the role's data directory in the runtime volume.
    public var serviceName: String {
        switch self {
        case .execution: "el"
        case .beacon: "cl"
        case .validator: "vc"
        }
    }

    /// The layer of the client plugin that fills this role.
    public var layer: ClientLayer {
        self == .execution ? .execution : .consensus
    }
}
