import Foundation

/// A port a Kurtosis service declares, and where the host reaches it when it is published.
public struct KurtosisPort: Sendable, Equatable {
    /// The port id, e.g. `rpc`, `engine-rpc`, `http`.
    public let id: String
    /// The port number inside the container.
    public let number: Int
    /// `tcp`, `udp` or `sctp`.
    public let transport: String
    /// The declared application protocol, e.g. `http`.
    public let applicationProtocol: String?
    /// The host the published port is on, when known (the JSON view does not say).
    public let publicHost: String?
    /// The published port number on the host.
    public let publicPort: Int?

    public init(id: String, number: Int, transport: String = "tcp", applicationProtocol: String? = nil,
                publicHost: String? = nil, publicPort: Int? = nil) {
        self.id = id
        self.number = number
        self.transport = transport
        self.applicationProtocol = applicationProtocol
        self.publicHost = publicHost
        self.publicPort = publicPort
    }

    /// `<protocol or http>://<host>:<port>` when the port is published on a known host.
    public var publicURL: URL? {
        guard let publicHost, let publicPort else { return nil }
        return URL(string: "\(applicationProtocol ?? "http")://\(publicHost):\(publicPort)")
    }
}
