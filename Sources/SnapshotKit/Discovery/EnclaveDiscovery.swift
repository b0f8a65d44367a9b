import Foundation

/// Finds an enclave's nodes and files through the Kurtosis CLI.
public struct EnclaveDiscovery: Sendable {
    /// The files artefact with the network's genesis files (`genesis.json`, `config.yaml`, `mnemonics.yaml`, …).
    public static let genesisArtifact = "el_cl_genesis_data"
    /// Execution JSON-RPC port ids, in order of preference.
    public static let rpcPortIDs = ["rpc", "ws-rpc"]

    public let cli: KurtosisCLI

    public init(cli: KurtosisCLI = KurtosisCLI()) {
        self.cli = cli
    }

    /// The topology of `enclave` (a name or UUID), which must be running and hold an execution-layer service with a
    /// JSON-RPC port, and, when `requireGenesisData`, the `el_cl_genesis_data` artefact.
    public func discover(_ enclave: String, requireGenesisData: Bool = true) async throws(KurtosisError) -> EnclaveTopology {
        guard KurtosisCLI.isEnclaveIdentifier(enclave) else { throw .invalidEnclaveName(enclave) }
        let summary = try await findRunningEnclave(enclave)
        let inspection = try await cli.inspectEnclave(summary.name)

        var participants: [(service: KurtosisEnclaveInspection.Service, name: KurtosisServiceName)] = []
        var others: [String] = []
        for service in inspection.services {
            if service.isRunning, let parsed = KurtosisServiceName(service.name) {
                participants.append((service, parsed))
            } else {
                others.append(service.name)
            }
        }
        guard participants.contains(where: { $0.name.kind == .execution }) else {
            throw .noExecutionService(enclave: summary.name, services: inspection.services.map(\.name))
        }
        if requireGenesisData, !inspection.filesArtifacts.contains(Self.genesisArtifact) {
            throw .missingGenesisData(enclave: summary.name, artifact: Self.genesisArtifact, artifacts: inspection.filesArtifacts)
        }

        var execution: [EnclaveTopology.ExecutionService] = []
        var consensus: [EnclaveTopology.ConsensusService] = []
        for (service, name) in participants {
            switch name.kind {
            case .execution: execution.append(try await executionService(service, name, enclave: summary.name))
            case .consensus: consensus.append(try await consensusService(service, name, enclave: summary.name))
            case .validator: continue
            }
        }
        var validatorServices: [EnclaveTopology.ValidatorService] = []
        for (service, name) in participants where name.kind == .validator {
            validatorServices.append(try await validatorService(service, name, enclave: summary.name, execution: execution))
        }
        return EnclaveTopology(
            enclave: summary,
            executionServices: execution.sorted { ($0.index, $0.name) < ($1.index, $1.name) },
            consensusServices: consensus.sorted { ($0.index, $0.name) < ($1.index, $1.name) },
            validatorServices: validatorServices.sorted { ($0.index, $0.name) < ($1.index, $1.name) },
            otherServices: others,
            filesArtifacts: inspection.filesArtifacts)
    }

    /// The enclave named (or with the UUID) `identifier`, which must be running.
    private func findRunningEnclave(_ identifier: String) async throws(KurtosisError) -> KurtosisEnclave {
        let enclaves = try await cli.enclaves()
        let match = enclaves.first { $0.name == identifier }
            ?? enclaves.first { $0.uuid == identifier }
            ?? enclaves.first { identifier.count >= 6 && ($0.uuid.hasPrefix(identifier) || identifier.hasPrefix($0.uuid)) }
        guard let match else { throw .enclaveNotFound(identifier, existing: enclaves) }
        guard match.isRunning else { throw .enclaveNotRunning(match.name, status: match.status) }
        return match
    }

    /// The ports and image of a service: the JSON view when this CLI has one, else the enclave table.
    private func details(of service: KurtosisEnclaveInspection.Service, enclave: String) async throws(KurtosisError) -> (ports: [KurtosisPort], image: String?) {
        guard let inspection = try await cli.inspectService(enclave: enclave, service: service.name) else {
            return (service.ports, nil)
        }
        return (inspection.ports.isEmpty ? service.ports : inspection.ports, inspection.image)
    }

    private func executionService(_ service: KurtosisEnclaveInspection.Service, _ name: KurtosisServiceName,
                                  enclave: String) async throws(KurtosisError) -> EnclaveTopology.ExecutionService {
        let (ports, image) = try await details(of: service, enclave: enclave)
        guard let rpcPortID = Self.rpcPortIDs.first(where: { id in ports.contains { $0.id == id } }) else {
            throw .noRPCPort(service: service.name, ports: ports.map(\.id))
        }
        let rpcURL = try await cli.portURL(enclave: enclave, service: service.name, portID: rpcPortID)
        return .init(name: service.name, index: name.index, client: name.firstClient, pairedClient: name.secondClient,
                     image: image, rpcURL: rpcURL, rpcPortID: rpcPortID,
                     enginePort: ports.first { $0.id == "engine-rpc" }?.number, ports: ports)
    }

    private func consensusService(_ service: KurtosisEnclaveInspection.Service, _ name: KurtosisServiceName,
                                  enclave: String) async throws(KurtosisError) -> EnclaveTopology.ConsensusService {
        let (ports, image) = try await details(of: service, enclave: enclave)
        var httpURL: URL?
        if ports.contains(where: { $0.id == "http" }) {
            httpURL = try await cli.portURL(enclave: enclave, service: service.name, portID: "http")
        }
        return .init(name: service.name, index: name.index, client: name.firstClient, pairedClient: name.secondClient,
                     image: image, httpURL: httpURL, ports: ports)
    }

    private func validatorService(_ service: KurtosisEnclaveInspection.Service, _ name: KurtosisServiceName, enclave: String,
                                  execution: [EnclaveTopology.ExecutionService]) async throws(KurtosisError) -> EnclaveTopology.ValidatorService {
        let (ports, image) = try await details(of: service, enclave: enclave)
        let executionClient = execution.first { $0.index == name.index }?.client
        let client: String
        let pairedExecution: String?
        if let second = name.secondClient, executionClient == name.firstClient {
            (client, pairedExecution) = (second, name.firstClient)
        } else if let second = name.secondClient, executionClient == second {
            (client, pairedExecution) = (name.firstClient, second)
        } else {
            (client, pairedExecution) = (name.secondClient ?? name.firstClient, name.secondClient == nil ? nil : name.firstClient)
        }
        return .init(name: service.name, index: name.index, client: client, executionClient: pairedExecution,
                     image: image, ports: ports)
    }
}
