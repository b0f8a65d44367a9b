/// Writes the snapshot's runtime — `docker-compose.yml`, `up.sh`, `down.sh`, `runtime/init.sh`, `README.md` — with
/// `RuntimeWriter`: the plugin `executionClient` runs the EL, the consensus plugin that built the consensus genesis
/// runs the beacon node and the validator client. Runs after both genesis steps and before the metadata, which
/// records the clients and images (`el.runtimeClient`, `runtime`).
public struct RuntimeStep: Sendable {
    public let writer: RuntimeWriter
    /// The plugin id of the execution client that runs the snapshot.
    public let executionClient: String
    public let options: RuntimeOptions

    public init(writer: RuntimeWriter, executionClient: String, options: RuntimeOptions = RuntimeOptions()) {
        self.writer = writer
        self.executionClient = executionClient
        self.options = options
    }

    public var title: String { "writing the runtime (docker-compose.yml with \(executionClient), scripts, README.md)" }

    /// Writes the runtime for the snapshot of `request` whose genesis files the earlier stages wrote.
    public func run(_ request: SnapshotRequest, execution: ELGenesisResult, consensus: ConsensusGenesis,
                    in workspace: SnapshotWorkspace) throws -> RuntimeRecord {
        guard let chainId = execution.parameters.config.chainId else {
            throw RuntimeError.unsupportedSnapshot(
                client: executionClient, reason: "its EL genesis names no chainId — pass genesis files whose config has one")
        }
        let source = request.source
        let snapshot = RuntimeSnapshot(
            chainId: chainId, executionClient: executionClient, consensusClient: consensus.client,
            preset: consensus.result.preset, fork: consensus.result.fork, validatorCount: consensus.result.validators,
            gasLimit: execution.parameters.gasLimit, secondsPerSlot: consensus.result.secondsPerSlot,
            source: RuntimeSnapshotSource(
                enclave: source.enclave, rpcURL: source.rpcURL, clientVersion: source.clientVersion,
                blockNumber: source.blockNumber, blockHash: source.blockHash.map { Hex.encode($0) } ?? "none: read from a state dump",
                stateRoot: Hex.encode(source.stateRoot), genesisHash: Hex.encode(execution.genesisHash),
                accounts: execution.state.accounts, contracts: execution.state.contracts,
                storageSlots: execution.state.storageSlots, createdAt: SnapshotMetadata.timestamp(request.createdAt)))
        let emission = try writer.write(snapshot, options: options, into: workspace.folder)
        return RuntimeRecord(
            executionClient: executionClient, executionImage: emission.images[.execution] ?? "",
            consensusClient: consensus.client, consensusImage: emission.images[.beacon] ?? "")
    }
}

/// The clients and images the snapshot's runtime starts (`metadata.json`'s `runtime` and `el.runtimeClient`).
public struct RuntimeRecord: Sendable, Equatable {
    public let executionClient: String
    public let executionImage: String
    public let consensusClient: String
    public let consensusImage: String

    public init(executionClient: String, executionImage: String, consensusClient: String, consensusImage: String) {
        self.executionClient = executionClient
        self.executionImage = executionImage
        self.consensusClient = consensusClient
        self.consensusImage = consensusImage
    }

    /// `metadata.json`'s `runtime` section.
    public var metadata: JSONValue {
        .object([
            ("el", .object([("client", .string(executionClient)), ("image", .string(executionImage))])),
            ("cl", .object([("client", .string(consensusClient)), ("image", .string(consensusImage))])),
        ])
    }
}
