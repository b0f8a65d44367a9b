import ArgumentParser
import Foundation
import SnapshotKit

/// `snapshotter create`: read the complete state of one block, verify it, and write a snapshot folder.
struct CreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Snapshot a devnet's state at one block into a folder (the default command).",
        discussion: """
            Reads the complete world state at the pinned block from an enclave (--enclave), a node (--rpc-url with \
            --genesis-dir) or a state dump (--from-dump with --genesis-dir), proves it complete (the recomputed state \
            root must equal the block's stateRoot), and writes <out>/<name>/ with el/genesis.json (the new genesis, \
            every fork active at the block moved to genesis), the consensus genesis and validator keys of the \
            consensus plugin (cl/…, validators/…), source/config.yaml, source/mnemonics.yaml and metadata.json. \
            The folder is assembled in <out>/.<name>.partial-<random> and renamed at the end; a failed or \
            interrupted run leaves nothing behind.

            The folder also holds the runtime — docker-compose.yml, up.sh, down.sh, runtime/init.sh, README.md — \
            whose execution client (--runtime-el) may differ from the source's: a snapshot taken from any client runs \
            on any supported one. The finished folder is verified as `snapshotter verify` does before it is renamed.

            An execution plugin may offer several state sources (see `snapshotter plugins`): without --state-source, \
            the next one takes over when one cannot read the complete state from this node (e.g. geth without \
            preimages, Besu with its default Bonsai database), and stderr says so.

            Progress goes to stderr (unless --quiet), the summary to stdout.

            \(CommandFailure.exitCodeHelp)
            """
    )

    @Option(help: ArgumentHelp("Kurtosis enclave (name or UUID) to snapshot: its first execution node, and its el_cl_genesis_data files.", valueName: "name"))
    var enclave: String?

    @Option(name: .customLong("rpc-url"), help: ArgumentHelp("An execution node's HTTP JSON-RPC endpoint (without Kurtosis; needs --genesis-dir).", valueName: "url"))
    var rpcURL: String?

    @Option(name: .customLong("from-dump"), help: ArgumentHelp("Read the state offline from a geth `dump --iterative` JSON-lines file (needs --genesis-dir).", valueName: "file"))
    var fromDump: String?

    @Option(name: .customLong("genesis-dir"), help: ArgumentHelp("Folder with the source chain's genesis.json, config.yaml and mnemonics.yaml (as in el_cl_genesis_data).", valueName: "dir"))
    var genesisDir: String?

    @Option(name: .customLong("dump-block"), help: ArgumentHelp("The block number the dump was taken at (default 0).", valueName: "n"))
    var dumpBlock: UInt64?

    @Option(help: ArgumentHelp("Execution client plugin: auto (detect from web3_clientVersion and the service name) or a plugin id.", valueName: "auto|id"))
    var el = "auto"

    @Option(name: .customLong("state-source"), help: ArgumentHelp("Use only this one of the execution plugin's state sources (default: try them in order, e.g. geth: range, then universal).", valueName: "name"))
    var stateSource: String?

    @Option(name: .customLong("runtime-el"), help: ArgumentHelp("Execution client that runs the snapshot (default: the source's client when it can, else \(Registry.defaultRuntimeExecutionClient)).", valueName: "id"))
    var runtimeEL: String?

    @Option(name: .customLong("el-image"), help: ArgumentHelp("Image of the runtime's execution client, pinned to a version (default: the plugin's).", valueName: "image"))
    var elImage: String?

    @Option(name: .customLong("cl-image"), help: ArgumentHelp("Image of the runtime's beacon node and validator client, pinned to a version (default: the plugin's).", valueName: "image"))
    var clImage: String?

    @Option(name: .customLong("port-offset"), help: ArgumentHelp("Added to every published host port (8545, 8546, 4000), to run snapshots side by side.", valueName: "n"))
    var portOffset = 0

    @Option(help: ArgumentHelp("Consensus plugin that builds the consensus genesis: auto (the enclave's consensus client if a plugin can, else the only plugin that can) or a plugin id.", valueName: "auto|id"))
    var cl = "auto"

    @Option(help: ArgumentHelp("Number of genesis validators (default: the source's, at most 64).", valueName: "n"))
    var validators: UInt64?

    @Option(help: ArgumentHelp("A BIP-39 mnemonic for the validators instead of the source's mnemonics.yaml.", valueName: "words"))
    var mnemonic: String?

    @Option(name: .customLong("keystore-kdf"), help: ArgumentHelp("Validator keystore encryption: devnet (pbkdf2 with 2 rounds, instant; the keys are public devnet keys), pbkdf2 or scrypt (EIP-2335 defaults, slow).", valueName: "kdf"))
    var keystoreKDF = KeystoreKDFChoice.devnet

    @Option(help: ArgumentHelp("Block to snapshot: latest, finalized, safe, a number, or a 0x block hash. Resolved once to a hash.", valueName: "block"))
    var block = "latest"

    @Option(help: ArgumentHelp("Requests in flight at once, where the state source can split its work.", valueName: "n"))
    var concurrency = 8

    @OptionGroup var rpcOptions: RPCOptions

    @Option(help: ArgumentHelp("Folder the snapshot folder is created in.", valueName: "dir"))
    var out = "snapshots"

    @Option(help: ArgumentHelp("Snapshot folder name (default: <enclave or host>-<block number>-<UTC yyyyMMddTHHmmssZ>).", valueName: "name"))
    var name: String?

    @Flag(help: "No progress on stderr.")
    var quiet = false

    @Flag(help: "Print the summary as one JSON object.")
    var json = false

    func validate() throws {
        let origins = [enclave, rpcURL, fromDump].compactMap { $0 }
        guard origins.count == 1 else {
            throw ValidationError(origins.isEmpty
                ? "name what to snapshot: --enclave NAME, --rpc-url URL with --genesis-dir DIR, or --from-dump FILE with --genesis-dir DIR"
                : "--enclave, --rpc-url and --from-dump exclude each other; pass one")
        }
        if enclave == nil, genesisDir == nil {
            throw ValidationError("\(rpcURL != nil ? "--rpc-url" : "--from-dump") needs --genesis-dir DIR with the source chain's genesis.json, config.yaml and mnemonics.yaml")
        }
        if dumpBlock != nil, fromDump == nil { throw ValidationError("--dump-block goes with --from-dump") }
        if let rpcURL, URL(string: rpcURL)?.host == nil || !["http", "https"].contains(URL(string: rpcURL)?.scheme ?? "") {
            throw ValidationError("--rpc-url \"\(rpcURL)\" is not an http(s) URL, e.g. http://127.0.0.1:8545")
        }
        if let name, !SnapshotWorkspace.isPlainName(name) {
            throw ValidationError("--name \"\(name)\" is not a plain folder name (no '/', not starting with '.')")
        }
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
        if validators == 0 { throw ValidationError("--validators must be at least 1") }
        do { _ = try BlockSelector(parsing: block) } catch { throw ValidationError(error.description) }
        for (flag, image) in [("--el-image", elImage), ("--cl-image", clImage)] {
            if let image, !ImageReference.isPinned(image) || image.contains(where: \.isWhitespace) {
                throw ValidationError("\(flag) \"\(image)\" is not pinned: name a version tag or digest (e.g. repo:v1.2.3), never 'latest'")
            }
        }
        let highestPort = [RuntimePorts.executionRPC, RuntimePorts.executionWebSocket, RuntimePorts.beaconHTTP].max()!
        guard (0...(65_535 - highestPort)).contains(portOffset) else {
            throw ValidationError("--port-offset must be 0 … \(65_535 - highestPort)")
        }
    }

    /// The runtime choices that are not facts of the snapshot.
    private var runtimeOptions: RuntimeOptions {
        RuntimeOptions(executionImage: elImage, consensusImage: clImage, portOffset: portOffset)
    }

    /// Reports a hand-over between state sources on stderr, even with --quiet: it changes how the state is read.
    private func reportFallback(_ progress: ProgressRenderer?) -> @Sendable (StateSourceFallback) -> Void {
        { fallback in
            if let progress {
                progress.finish()
                progress.note(fallback.message)
            } else {
                FileHandle.standardError.write(Data((fallback.message + "\n").utf8))
            }
        }
    }

    func run() async throws {
        let started = ContinuousClock.now
        let result = try await reportingErrors { try await create() }
        let elapsed = (ContinuousClock.now - started).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        let summary = CreateSummary(result: result, seconds: seconds)
        print(json ? JSONWriter.string(summary.json, indent: 2) : summary.text)
    }

    // MARK: - The run

    private func create() async throws -> SnapshotRun {
        let registry = try Registry.make()
        let progress = quiet ? nil : ProgressRenderer(style: isatty(STDERR_FILENO) == 1 ? .terminal : .log) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
        // Cheap checks of the local inputs come before any long work.
        let genesisFiles = try genesisDir.map { path throws in try SourceGenesisFiles(folder: URL(fileURLWithPath: path)) }
        SignalCleanup.shared.install()
        if let fromDump {
            // `validate()` requires --genesis-dir with --from-dump.
            return try await create(fromDump: URL(fileURLWithPath: fromDump), files: genesisFiles!, registry: registry, progress: progress)
        }
        return try await createFromNode(genesisFiles: genesisFiles, registry: registry, progress: progress)
    }

    /// `--from-dump`: the block is the dump's root, numbered `--dump-block`, with the source genesis' header fields.
    private func create(fromDump dump: URL, files: SourceGenesisFiles, registry: PluginRegistry,
                        progress: ProgressRenderer?) async throws -> SnapshotRun {
        let consensus = try consensusStep(registry: registry, serviceName: nil)
        try consensus.checkInputs(files)
        let runtime = try runtimeStep(registry: registry, sourceClient: nil, consensus: consensus)
        let genesis = try GenesisFile(contentsOf: files.genesis)
        let root = try DumpStateSource.root(of: dump)
        let pinned = PinnedBlock.offline(stateRoot: root, number: dumpBlock ?? 0, genesis: genesis.parameters)
        let source = SnapshotMetadata.Source(
            enclave: nil, rpcURL: nil, elClient: nil, clientVersion: nil, chainId: genesis.parameters.config.chainId,
            blockNumber: pinned.number, blockHash: nil, stateRoot: root)
        let createdAt = Self.now()
        let workspace = try makeWorkspace(prefix: dump.deletingPathExtension().lastPathComponent, block: pinned, createdAt: createdAt)
        return try await assemble(
            workspace: workspace, block: pinned, files: files, genesis: genesis,
            stateSources: StateSourceChain([DumpStateSource(url: dump)]), consensus: consensus, runtime: runtime,
            source: source, createdAt: createdAt, progress: progress)
    }

    /// `--enclave` or `--rpc-url`: find and identify the node, pin the block, fetch the genesis files (from the
    /// enclave unless --genesis-dir), then read the state with the execution plugin's source.
    private func createFromNode(genesisFiles: SourceGenesisFiles?, registry: PluginRegistry,
                                progress: ProgressRenderer?) async throws -> SnapshotRun {
        progress?.note(enclave.map { "discovering enclave \($0)" } ?? "connecting to \(rpcURL!)")
        let node = try await ExecutionNode.connect(
            enclave: enclave, rpcURL: rpcURL.flatMap(URL.init(string:)), elChoice: el, concurrency: concurrency, rpcOptions: rpcOptions,
            registry: registry)
        let consensus = try consensusStep(registry: registry, serviceName: node.consensusServiceName)
        if let genesisFiles { try consensus.checkInputs(genesisFiles) }
        let runtime = try runtimeStep(registry: registry, sourceClient: node.plugin, consensus: consensus)
        // `validate()` checked the selector.
        let pinned = try await BlockPinner(rpc: node.rpc).pin(try BlockSelector(parsing: block))
        progress?.note("pinned block \(pinned.number) \(Hex.encode(pinned.hash)) (\(node.plugin.id)\(node.clientVersion.map { ", \($0)" } ?? ""))")
        let createdAt = Self.now()
        let workspace = try makeWorkspace(prefix: enclave ?? node.rpc.endpoint.host ?? "node", block: pinned, createdAt: createdAt)
        do {
            let files: SourceGenesisFiles
            if let genesisFiles {
                files = genesisFiles
            } else {
                let folder = workspace.work.appendingPathComponent(EnclaveDiscovery.genesisArtifact)
                progress?.note("downloading \(EnclaveDiscovery.genesisArtifact)")
                // `validate()` requires --genesis-dir unless --enclave is given.
                try await KurtosisCLI().downloadFiles(enclave: enclave!, artifact: EnclaveDiscovery.genesisArtifact, to: folder)
                files = try SourceGenesisFiles(folder: folder)
                try consensus.checkInputs(files)
            }
            let genesis = try GenesisFile(contentsOf: files.genesis)
            try await node.checkSameChain(as: genesis, file: files.genesis.path)
            // The sources' requirements are checked with cheap calls before any long work.
            let stateSources = try await node.stateSources(originalGenesis: genesis, preference: self.stateSource)
                .checkingRequirements(at: pinned, onFallback: reportFallback(progress))
            let source = SnapshotMetadata.Source(
                enclave: node.enclave, rpcURL: node.rpc.endpoint.absoluteString, elClient: node.plugin.id,
                clientVersion: node.clientVersion, chainId: genesis.parameters.config.chainId,
                blockNumber: pinned.number, blockHash: pinned.hash, stateRoot: pinned.stateRoot)
            return try await assemble(
                workspace: workspace, block: pinned, files: files, genesis: genesis, stateSources: stateSources,
                consensus: consensus, runtime: runtime, source: source, createdAt: createdAt, progress: progress)
        } catch {
            workspace.discard()
            SignalCleanup.shared.unregister(workspace.root)
            throw error
        }
    }

    /// Now, to the second (as metadata.json and the default name write it).
    private static func now() -> Date {
        Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    }

    /// The consensus genesis step of the plugin `--cl` names (`serviceName`: the enclave's consensus service).
    private func consensusStep(registry: PluginRegistry, serviceName: String?) throws -> ConsensusGenesisStep {
        let choice = try ConsensusChoice.resolve(registry: registry, choice: cl, serviceName: serviceName)
        return ConsensusGenesisStep(
            client: choice.plugin.id, provider: choice.provider,
            validators: ValidatorSelection(mnemonic: mnemonic, count: validators), keystoreKDF: keystoreKDF.parameters)
    }

    /// The runtime step: `--runtime-el`, or the source's client when it can run snapshots, or the default. Checks
    /// that the clients exist and can run a snapshot before any long work.
    private func runtimeStep(registry: PluginRegistry, sourceClient: (any ClientPlugin)?,
                             consensus: ConsensusGenesisStep) throws -> RuntimeStep {
        let execution: String
        if let runtimeEL {
            execution = runtimeEL.lowercased()
        } else if let sourceClient, sourceClient.roles.contains(.runtime), sourceClient is any RuntimeClientPlugin {
            execution = sourceClient.id
        } else {
            execution = Registry.defaultRuntimeExecutionClient
        }
        let writer = RuntimeWriter(registry: registry)
        try writer.checkClients(execution: execution, consensus: consensus.client)
        return RuntimeStep(writer: writer, executionClient: execution, options: runtimeOptions)
    }

    /// The workspace for the snapshot, removed if the run is interrupted.
    private func makeWorkspace(prefix: String, block: PinnedBlock, createdAt: Date) throws -> SnapshotWorkspace {
        let folderName = name ?? SnapshotName.default(prefix: prefix, blockNumber: block.number, createdAt: createdAt)
        let workspace = try SnapshotWorkspace(outputFolder: URL(fileURLWithPath: out), name: folderName)
        SignalCleanup.shared.register(workspace.root)
        return workspace
    }

    /// Runs the snapshot steps in order and puts the folder in place.
    private func assemble(workspace: SnapshotWorkspace, block: PinnedBlock, files: SourceGenesisFiles, genesis: GenesisFile,
                          stateSources: StateSourceChain, consensus: ConsensusGenesisStep, runtime: RuntimeStep,
                          source: SnapshotMetadata.Source, createdAt: Date, progress: ProgressRenderer?) async throws -> SnapshotRun {
        defer { SignalCleanup.shared.unregister(workspace.root) }
        let draft = SnapshotDraft(
            workspace: workspace, block: block, sourceFiles: files, sourceGenesis: genesis.parameters,
            tool: .init(version: ToolInfo.version), createdAt: createdAt, source: source)
        let steps: [any SnapshotStep] = [
            ExecutionGenesisStep(sources: stateSources, concurrency: concurrency, onFallback: reportFallback(progress)) {
                progress?.report($0)
            },
            SourceFilesStep(),
            consensus,
            runtime,
            MetadataStep(),
            VerificationStep(),
        ]
        let assembled = try await SnapshotAssembler(steps: steps).assemble(draft) { title in
            progress?.finish()
            progress?.note(title)
        }
        progress?.finish()
        return SnapshotRun(folder: assembled.folder, draft: assembled.draft)
    }
}

/// A finished run: where the snapshot went and what its steps produced.
struct SnapshotRun {
    let folder: URL
    let draft: SnapshotDraft
}

/// `--keystore-kdf`: how validator keystores are encrypted.
enum KeystoreKDFChoice: String, ExpressibleByArgument, CaseIterable {
    case devnet, pbkdf2, scrypt

    var parameters: KeystoreKDFParameters {
        switch self {
        case .devnet: .devnetPBKDF2
        case .pbkdf2: .standardPBKDF2
        case .scrypt: .standardScrypt
        }
    }
}
