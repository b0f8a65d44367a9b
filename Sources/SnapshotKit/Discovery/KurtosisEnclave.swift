/// One enclave as `kurtosis enclave ls` lists it.
public struct KurtosisEnclave: Sendable, Equatable {
    /// The short UUID shown by the CLI.
    public let uuid: String
    public let name: String
    /// `RUNNING`, `STOPPED` or `EMPTY`.
    public let status: String
    public let creationTime: String

    public init(uuid: String, name: String, status: String, creationTime: String) {
        self.uuid = uuid
        self.name = name
        self.status = status
        self.creationTime = creationTime
    }

    public var isRunning: Bool { status.uppercased() == "RUNNING" }
}
