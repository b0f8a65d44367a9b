/// The container ports every client service listens on. The core publishes some of them on the host (with the
/// snapshot's port offset) and points the services at each other through them, so an emitter must use these numbers.
public enum RuntimePorts {
    /// EL JSON-RPC over HTTP (published).
    public static let executionRPC = 8545
    /// EL JSON-RPC over WebSocket (published).
    public static let executionWebSocket = 8546
    /// EL engine API, authenticated with the JWT secret (internal only).
    public static let engine = 8551
    /// Beacon node REST API (published).
    public static let beaconHTTP = 4000

    /// The engine API as the beacon node reaches it.
    public static var engineEndpoint: String { "http://\(RuntimeRole.execution.serviceName):\(engine)" }
    /// The beacon API as the validator client reaches it.
    public static var beaconEndpoint: String { "http://\(RuntimeRole.beacon.serviceName):\(beaconHTTP)" }

    /// The ports a role publishes on the host, by name; the host port is the container port plus the offset.
    public static func published(by role: RuntimeRole) -> [(name: String, port: Int)] {
        switch role {
        case .execution: [("rpc", executionRPC), ("ws", executionWebSocket)]
        case .beacon: [("http", beaconHTTP)]
        case .validator: []
        }
    }
}
