/// A URL the running stack serves on the host.
public struct RuntimeEndpoint: Sendable, Equatable {
    /// What it is, e.g. `EL JSON-RPC`.
    public var name: String
    public var url: String

    public init(name: String, url: String) {
        self.name = name
        self.url = url
    }

    /// The endpoints of a stack published on `bindAddress` with `portOffset`: EL JSON-RPC first (what `up.sh` polls),
    /// then EL WebSocket, then the beacon API.
    public static func published(bindAddress: String, portOffset: Int) -> [RuntimeEndpoint] {
        let host = switch bindAddress {
        case "0.0.0.0": "127.0.0.1"
        case "::": "[::1]"
        case let address where address.contains(":"): "[\(address)]"
        default: bindAddress
        }
        return [
            RuntimeEndpoint(name: "EL JSON-RPC", url: "http://\(host):\(RuntimePorts.executionRPC + portOffset)"),
            RuntimeEndpoint(name: "EL WebSocket", url: "ws://\(host):\(RuntimePorts.executionWebSocket + portOffset)"),
            RuntimeEndpoint(name: "Beacon API", url: "http://\(host):\(RuntimePorts.beaconHTTP + portOffset)"),
        ]
    }
}
