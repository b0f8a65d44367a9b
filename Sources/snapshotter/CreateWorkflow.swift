import Foundation
import SnapshotKit
import SnapshotterCLI

/// `create`'s two ways to a snapshot request — a node (an enclave's or `--rpc-url`) or a state dump — each checking
/// its cheap inputs before any long work, then the pipeline run in a workspace that an interruption removes.
struct CreateWorkflow {
    let source: CreateSourceOptions
    let rpc: RPCOptions
    let genesis: CreateGenesisOptions
    let runtime: CreateRuntimeOptions
    let output: CreateOutputOptions
    let registry: PluginRegistry
    let progress: ProgressRenderer?

    func run() async throws -> Snapshot {
        // Temporary folders of earlier runs are reported, even with --quiet, never removed (one may be in use).
        if let note = StalePartialNote(output: URL(fileURLWithPath: output.out)) {
            FileHandle.standardError.write(Data((ExternalText.printable(note.text) + "\n").utf8))
        }
        // Cheap checks of the local inputs come before any long work.
        let genesisFiles = try source.genesisDir.map { path throws in try SourceGenesisFiles(folder: URL(fileURLWithPath: path)) }
        switch try source.origin {
        case .dump(let dump):
            // `validate()` requires --genesis-dir with --from-dump.
            return try await fromDump(dump, files: genesisFiles!)
        case .enclave, .node:
            return try await fromNode(genesisFiles: genesisFiles)
        }
    }

    /// `--from-dump`: the block is the dump's root, numbered `--dump-block`, with the source genesis' header fields.
    private func fromDump(_ dump: URL, files: SourceGenesisFiles) async throws -> Snapshot {
        let consensus = try genesis.step(registry: registry, clientVersion: nil, serviceName: nil)
        try consensus.checkInputs(files)
        let runtime = try runtime.step(registry: registry, sourceClient: nil, consensus: consensus)
        let genesisFile = try GenesisFile(contentsOf: files.genesis)
        let root = try DumpStateSource.root(of: dump)
        let block = PinnedBlock.offline(stateRoot: root, number: source.dumpBlock ?? 0, genesis: genesisFile.parameters)
        let request = SnapshotRequest(
            block: block, sourceFiles: files, sourceGenesis: genesisFile.parameters,
            source: .init(enclave: nil, rpcURL: nil, elClient: nil, clientVersion: nil,
                          chainId: genesisFile.parameters.config.chainId, blockNumber: block.number, blockHash: nil, stateRoot: root),
            tool: .current, createdAt: SnapshotRequest.now())
        let workspace = try output.workspace(
            prefix: dump.deletingPathExtension().lastPathComponent, block: block, createdAt: request.createdAt)
        let pipeline = SnapshotPipeline(
            execution: executionStep(StateSourceChain([DumpStateSource(url: dump)])), consensus: consensus, runtime: runtime)
        return try await run(pipeline, request, in: workspace)
    }

    /// `--enclave` or `--rpc-url`: find and identify the node, pin the block, fetch the genesis files (from the
    /// enclave unless --genesis-dir), then read the state with the execution plugin's sources.
    private func fromNode(genesisFiles: SourceGenesisFiles?) async throws -> Snapshot {
        progress?.note(source.enclave.map { "discovering enclave \($0)" } ?? "connecting to \(RedactedURL(source.rpcURL ?? ""))")
        let node = try await ExecutionNode.connect(
            enclave: source.enclave, kurtosis: source.kurtosis, rpcURL: source.rpcURL.flatMap(URL.init(string:)),
            elChoice: source.el, concurrency: source.concurrency, rpcOptions: rpc, registry: registry)
        let consensus = try genesis.step(
            registry: registry, clientVersion: await consensusClientVersion(of: node), serviceName: node.consensusServiceName)
        if let genesisFiles { try consensus.checkInputs(genesisFiles) }
        let runtime = try runtime.step(registry: registry, sourceClient: node.plugin, consensus: consensus)
        let block = try await BlockPinner(rpc: node.rpc).pin(try source.blockSelector)
        progress?.note("pinned block \(block.number) \(Hex.encode(block.hash)) (\(node.plugin.id)\(node.clientVersion.map { ", \($0)" } ?? ""))")
        let createdAt = SnapshotRequest.now()
        let workspace = try output.workspace(prefix: source.enclave ?? node.rpc.endpoint.host ?? "node", block: block, createdAt: createdAt)
        do {
            let files: SourceGenesisFiles
            if let genesisFiles {
                files = genesisFiles
            } else {
                files = try await downloadGenesisFiles(into: workspace, checkedBy: consensus)
            }
            let genesisFile = try GenesisFile(contentsOf: files.genesis)
            try await node.checkSameChain(as: genesisFile, file: files.genesis.path)
            // The sources' requirements are checked with cheap calls before any long work.
            let sources = try await node.stateSources(originalGenesis: genesisFile, preference: source.stateSource)
                .checkingRequirements(at: block, onFallback: reportFallback)
            let request = SnapshotRequest(
                block: block, files: files, genesis: genesisFile, rpcURL: node.rpc.endpoint.absoluteString,
                enclave: node.enclave, elClient: node.plugin.id, clientVersion: node.clientVersion, createdAt: createdAt)
            let pipeline = SnapshotPipeline(execution: executionStep(sources), consensus: consensus, runtime: runtime)
            return try await run(pipeline, request, in: workspace)
        } catch {
            workspace.discard()
            throw error
        }
    }

    /// The version the enclave's beacon node tells, for `--cl auto`; `nil` when there is none to ask or it does not
    /// answer (then noted: the consensus client is detected from the service name).
    private func consensusClientVersion(of node: ExecutionNode) async -> String? {
        guard genesis.detectsConsensusClient, let url = node.consensusHTTPURL else { return nil }
        do {
            return try await BeaconNodeVersion.read(baseURL: url)
        } catch {
            progress?.note("\(error); detecting the consensus client from the service name \(node.consensusServiceName ?? "")")
            return nil
        }
    }

    /// The enclave's `el_cl_genesis_data`, downloaded into the workspace's scratch folder and checked.
    private func downloadGenesisFiles(into workspace: SnapshotWorkspace, checkedBy consensus: ConsensusGenesisStep) async throws -> SourceGenesisFiles {
        let folder = workspace.work.appendingPathComponent(EnclaveDiscovery.genesisArtifact)
        progress?.note("downloading \(EnclaveDiscovery.genesisArtifact)")
        // `validate()` requires --genesis-dir unless --enclave is given.
        try await source.kurtosis.downloadFiles(enclave: source.enclave!, artifact: EnclaveDiscovery.genesisArtifact, to: folder)
        let files = try SourceGenesisFiles(folder: folder)
        try consensus.checkInputs(files)
        return files
    }

    private func executionStep(_ sources: StateSourceChain) -> ExecutionGenesisStep {
        ExecutionGenesisStep(sources: sources, concurrency: source.concurrency, onFallback: reportFallback) { [progress] in
            progress?.report($0)
        }
    }

    /// Runs the pipeline, each stage's title on the progress line.
    private func run(_ pipeline: SnapshotPipeline, _ request: SnapshotRequest, in workspace: SnapshotWorkspace) async throws -> Snapshot {
        let snapshot = try await pipeline.run(request, in: workspace) { title in
            progress?.finish()
            progress?.note(title)
        }
        progress?.finish()
        return snapshot
    }

    /// Reports a hand-over between state sources on stderr, even with --quiet: it changes how the state is read.
    /// The message carries the node's error, made printable.
    private var reportFallback: @Sendable (StateSourceFallback) -> Void {
        { [progress] fallback in
            let message = ExternalText.printable(fallback.message)
            if let progress {
                progress.finish()
                progress.note(message)
            } else {
                FileHandle.standardError.write(Data((message + "\n").utf8))
            }
        }
    }
}
