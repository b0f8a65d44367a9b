/// Writes the snapshot's runtime — `docker-compose.yml`, `up.sh`, `down.sh`, `runtime/init.sh`, `README.md` — with
/// `RuntimeWriter`: the plugin `executionClient` runs the EL, the consensus plugin that built the consensus genesis
/// runs the beacon node and the validator client. Runs after both genesis steps and before the metadata, which
/// records the clients and images (`el.runtimeClient`, `runtime`).
public struct RuntimeStep: SnapshotStep {
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

    public func run(_ draft: inout SnapshotDraft) async throws {
        guard let execution = draft.executionGenesis, let (consensusClient, consensus) = draft.consensusGenesis else {
            preconditionFailure("the runtime step runs after the EL and consensus genesis steps")
        }
        guard let chainId = execution.parameters.config.chainId else {
            throw RuntimeError.unsupportedSnapshot(
                client: executionClient, reason: "its EL genesis names no chainId — pass genesis files whose config has one")
        }
        let source = draft.source
        let snapshot = RuntimeSnapshot(
            chainId: chainId, executionClient: executionClient, consensusClient: consensusClient, preset: consensus.preset,
            fork: consensus.fork, validatorCount: consensus.validators, gasLimit: execution.parameters.gasLimit,
            secondsPerSlot: consensus.secondsPerSlot,
            source: RuntimeSnapshotSource(
                enclave: source.enclave, rpcURL: source.rpcURL, clientVersion: source.clientVersion,
                blockNumber: source.blockNumber, blockHash: source.blockHash.map { Hex.encode($0) } ?? "none: read from a state dump",
                stateRoot: Hex.encode(source.stateRoot), genesisHash: Hex.encode(execution.genesisHash),
                accounts: execution.state.accounts, contracts: execution.state.contracts,
                storageSlots: execution.state.storageSlots, createdAt: SnapshotMetadata.timestamp(draft.createdAt)))
        let emission = try writer.write(snapshot, options: options, into: draft.workspace.folder)
        draft.runtimeClient = executionClient
        draft.runtimeMetadata = .object([
            ("el", .object([("client", .string(executionClient)), ("image", .string(emission.images[.execution] ?? ""))])),
            ("cl", .object([("client", .string(consensusClient)), ("image", .string(emission.images[.beacon] ?? ""))])),
        ])
    }
}
