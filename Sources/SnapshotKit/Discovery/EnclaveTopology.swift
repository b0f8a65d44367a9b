import Foundation

/// What runs in a Kurtosis enclave, as far as snapshotting is concerned.
///
/// Participant services follow ethereum-package's names (`el-{i}-{el}-{cl}`, `cl-{i}-{cl}-{el}`, `vc-{i}-…`); client
/// tokens are taken from those names as written, never interpreted here.
public struct EnclaveTopology: Sendable, Equatable {
    /// An execution-layer node and how to reach its JSON-RPC endpoint from this machine.
    public struct ExecutionService: Sendable, Equatable {
        public let name: String
        /// The participant index (zero padding removed).
        public let index: Int
        /// The client token in the name, lowercased (`el-1-<client>-…`).
        public let client: String
        /// The consensus client token in the name, if any.
        public let pairedClient: String?
        public let image: String?
        /// The published JSON-RPC endpoint, e.g. `http://127.0.0.1:32771`.
        public let rpcURL: URL
        /// The port id the endpoint was found under: `rpc`, or `ws-rpc` for clients serving HTTP and WS on one port.
        public let rpcPortID: String
        /// The engine API port number inside the container (`engine-rpc`), if declared.
        public let enginePort: Int?
        public let ports: [KurtosisPort]

        public init(name: String, index: Int, client: String, pairedClient: String?, image: String?, rpcURL: URL,
                    rpcPortID: String, enginePort: Int?, ports: [KurtosisPort]) {
            self.name = name
            self.index = index
            self.client = client
            self.pairedClient = pairedClient
            self.image = image
            self.rpcURL = rpcURL
            self.rpcPortID = rpcPortID
            self.enginePort = enginePort
            self.ports = ports
        }
    }

    /// A consensus-layer (beacon) node.
    public struct ConsensusService: Sendable, Equatable {
        public let name: String
        public let index: Int
        /// The client token in the name, lowercased (`cl-1-<client>-…`).
        public let client: String
        /// The execution client token in the name, if any.
        public let pairedClient: String?
        public let image: String?
        /// The published beacon API (`http` port), if any.
        public let httpURL: URL?
        public let ports: [KurtosisPort]

        public init(name: String, index: Int, client: String, pairedClient: String?, image: String?, httpURL: URL?,
                    ports: [KurtosisPort]) {
            self.name = name
            self.index = index
            self.client = client
            self.pairedClient = pairedClient
            self.image = image
            self.httpURL = httpURL
            self.ports = ports
        }
    }

    /// A validator client.
    public struct ValidatorService: Sendable, Equatable {
        public let name: String
        public let index: Int
        /// The validator client token. Names put it first or second depending on the package version; the token that
        /// is not the same participant's execution client is taken.
        public let client: String
        /// The execution client token in the name, when it is there.
        public let executionClient: String?
        public let image: String?
        public let ports: [KurtosisPort]

        public init(name: String, index: Int, client: String, executionClient: String?, image: String?, ports: [KurtosisPort]) {
            self.name = name
            self.index = index
            self.client = client
            self.executionClient = executionClient
            self.image = image
            self.ports = ports
        }
    }

    public let enclave: KurtosisEnclave
    /// Running execution-layer services, by participant index.
    public let executionServices: [ExecutionService]
    /// Running consensus-layer services, by participant index.
    public let consensusServices: [ConsensusService]
    /// Running validator clients, by participant index.
    public let validatorServices: [ValidatorService]
    /// Every other service (explorers, faucets, key generators, participant services that are not running…).
    public let otherServices: [String]
    /// Names of the enclave's files artefacts.
    public let filesArtifacts: [String]

    public init(enclave: KurtosisEnclave, executionServices: [ExecutionService], consensusServices: [ConsensusService],
                validatorServices: [ValidatorService], otherServices: [String], filesArtifacts: [String]) {
        self.enclave = enclave
        self.executionServices = executionServices
        self.consensusServices = consensusServices
        self.validatorServices = validatorServices
        self.otherServices = otherServices
        self.filesArtifacts = filesArtifacts
    }
}
