/// What `kurtosis enclave inspect <enclave>` shows: the enclave, its files artefacts and its user services.
public struct KurtosisEnclaveInspection: Sendable, Equatable {
    /// One row of the `User Services` table.
    public struct Service: Sendable, Equatable {
        public let uuid: String
        public let name: String
        /// In the table's order (sorted by id); empty for `<none>`.
        public let ports: [KurtosisPort]
        /// `RUNNING`, `STOPPED` or `UNKNOWN`.
        public let status: String

        public init(uuid: String, name: String, ports: [KurtosisPort], status: String) {
            self.uuid = uuid
            self.name = name
            self.ports = ports
            self.status = status
        }

        public var isRunning: Bool { status.uppercased() == "RUNNING" }
    }

    public let name: String
    public let uuid: String
    public let status: String
    /// Names of the files artefacts.
    public let filesArtifacts: [String]
    public let services: [Service]

    public init(name: String, uuid: String, status: String, filesArtifacts: [String], services: [Service]) {
        self.name = name
        self.uuid = uuid
        self.status = status
        self.filesArtifacts = filesArtifacts
        self.services = services
    }
}
