/// What `kurtosis service inspect <enclave> <service> -o json` shows about one service.
public struct KurtosisServiceInspection: Sendable, Equatable {
    /// The container image, e.g. `ethereum/client-go:v1.16.8`.
    public let image: String?
    /// Declared ports sorted by id, with their published port numbers (the host is not part of this view).
    public let ports: [KurtosisPort]
    /// Mount path → files artefact names.
    public let files: [String: [String]]
    public let entrypoint: [String]
    public let cmd: [String]
    public let environment: [String: String]
    public let labels: [String: String]

    public init(image: String?, ports: [KurtosisPort], files: [String: [String]] = [:], entrypoint: [String] = [],
                cmd: [String] = [], environment: [String: String] = [:], labels: [String: String] = [:]) {
        self.image = image
        self.ports = ports
        self.files = files
        self.entrypoint = entrypoint
        self.cmd = cmd
        self.environment = environment
        self.labels = labels
    }
}
