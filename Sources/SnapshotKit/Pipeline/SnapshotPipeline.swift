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
    /// each stage's title before it runs.
    public func run(_ request: SnapshotRequest, in workspace: SnapshotWorkspace,
                    onStage: (String) -> Void = { _ in }) async throws -> Snapshot {
        do {
            onStage(execution.title)
            let executionGenesis = try await execution.run(request, in: workspace)
            onStage(SourceFilesStep.title)
            try SourceFilesStep.run(request, in: workspace)
            onStage(consensus.title)
            let consensusGenesis = try consensus.run(request, execution: executionGenesis, in: workspace)
            onStage(runtime.title)
            let runtimeRecord = try runtime.run(request, execution: executionGenesis, consensus: consensusGenesis, in: workspace)
            onStage(MetadataStep.title)
            let metadata = try MetadataStep.run(
                request, execution: executionGenesis, consensus: consensusGenesis, runtime: runtimeRecord, in: workspace)
            onStage(VerificationStep.title)
            try VerificationStep.run(in: workspace, execution: executionGenesis)
            return Snapshot(
                folder: try workspace.commit(), request: request, execution: executionGenesis, consensus: consensusGenesis,
                runtime: runtimeRecord, metadata: metadata)
        } catch {
            workspace.discard()
            throw error
        }
    }
}
