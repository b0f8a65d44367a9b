import Foundation

/// `create` as a value: the typed stages that turn a pinned block into a verified snapshot folder.
///
/// pinned block → verified state and EL genesis (`ExecutionGenesisStep`) → source files (`SourceFilesStep`) →
/// consensus genesis (`ConsensusGenesisStep`) → runtime (`RuntimeStep`) → `metadata.json` (`MetadataStep`) →
/// verification of the whole folder (`VerificationStep`) → the folder renamed into place. Each stage takes what the
/// earlier ones returned; any failure removes the workspace, so a failed run leaves nothing behind.
///
/// ```swift
/// let rpc = JSONRPCClient(endpoint: URL(string: "http://127.0.0.1:8545")!)
/// let files = try SourceGenesisFiles(folder: URL(fileURLWithPath: "el_cl_genesis_data"))
/// let genesis = try GenesisFile(contentsOf: files.genesis)
/// let block = try await BlockPinner(rpc: rpc).pin(.latest)
/// let sources = try GethPlugin().makeStateSources(.init(rpc: rpc, originalGenesis: genesis, preference: nil))
/// let pipeline = SnapshotPipeline(
///     execution: ExecutionGenesisStep(sources: sources),
///     consensus: ConsensusGenesisStep(client: "lighthouse", provider: LighthousePlugin()),
///     runtime: RuntimeStep(writer: RuntimeWriter(registry: try PluginRegistry([GethPlugin(), LighthousePlugin()])),
///                          executionClient: "geth"))
/// let request = SnapshotRequest(block: block, files: files, genesis: genesis, rpcURL: "http://127.0.0.1:8545")
/// let snapshot = try await pipeline.run(request, in: try SnapshotWorkspace(outputFolder: URL(fileURLWithPath: "out"), name: "devnet"))
/// ```
public struct SnapshotPipeline: Sendable {
    public let execution: ExecutionGenesisStep
    public let consensus: ConsensusGenesisStep
    public let runtime: RuntimeStep

    public init(execution: ExecutionGenesisStep, consensus: ConsensusGenesisStep, runtime: RuntimeStep) {
        self.execution = execution
        self.consensus = consensus
        self.runtime = runtime
    }

    /// Runs every stage for `request` in `workspace`, verifies the folder and renames it into place. `onStage` hears
    /// each stage's title before it runs; the snapshot records how long each took (`Snapshot.phases`).
    public func run(_ request: SnapshotRequest, in workspace: SnapshotWorkspace,
                    onStage: (String) -> Void = { _ in }) async throws -> Snapshot {
        var phases: [PipelinePhase] = []
        let clock = ContinuousClock()
        func timed<Result>(_ name: String, _ title: String, _ stage: () async throws -> Result) async throws -> Result {
            onStage(title)
            let start = clock.now
            let result = try await stage()
            phases.append(PipelinePhase(name: name, seconds: (clock.now - start).seconds))
            return result
        }
        do {
            let executionGenesis = try await timed("state", execution.title) { try await execution.run(request, in: workspace) }
            try await timed("source files", SourceFilesStep.title) { try SourceFilesStep.run(request, in: workspace) }
            let consensusGenesis = try await timed("consensus", consensus.title) {
                try consensus.run(request, execution: executionGenesis, in: workspace)
            }
            let runtimeRecord = try await timed("runtime", runtime.title) {
                try runtime.run(request, execution: executionGenesis, consensus: consensusGenesis, in: workspace)
            }
            let metadata = try await timed("metadata", MetadataStep.title) {
                try MetadataStep.run(request, execution: executionGenesis, consensus: consensusGenesis, runtime: runtimeRecord, in: workspace)
            }
            try await timed("verification", VerificationStep.title) { try VerificationStep.run(in: workspace, execution: executionGenesis) }
            return Snapshot(
                folder: try workspace.commit(), request: request, execution: executionGenesis, consensus: consensusGenesis,
                runtime: runtimeRecord, metadata: metadata, phases: phases)
        } catch {
            workspace.discard()
            throw error
        }
    }
}
