import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing

/// The typed stages of `SnapshotPipeline` over a real dump file: folder contents, metadata, verification, and cleanup
/// on failure.
@Suite struct PipelineAssemblyTests {
    /// Records what it is given and writes one file, as a consensus plugin would.
    private struct RecordingProvider: ConsensusGenesisProvider {
        let inputs = Inputs()

        final class Inputs: @unchecked Sendable {
            private let lock = NSLock()
            private var stored: [ConsensusGenesisInput] = []
            func append(_ input: ConsensusGenesisInput) { lock.withLock { stored.append(input) } }
            var all: [ConsensusGenesisInput] { lock.withLock { stored } }
        }

        func writeConsensusGenesis(_ input: ConsensusGenesisInput, into folder: URL) throws -> ConsensusGenesisResult {
            inputs.append(input)
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("cl"), withIntermediateDirectories: true)
            try Data("state".utf8).write(to: folder.appendingPathComponent("cl/genesis.ssz"))
            return ConsensusGenesisResult(
                fork: .fulu, preset: "minimal", validators: 3, genesisValidatorsRoot: [UInt8](repeating: 9, count: 32),
                stateRoot: [UInt8](repeating: 8, count: 32), elGenesisHash: input.execution.hash, genesisTime: 1, files: ["cl/genesis.ssz"])
        }
    }

    private struct Fixture {
        let out: URL
        let genesisFolder: URL
        let dump: URL
        let root: [UInt8]

        init() throws {
            let base = FileManager.default.temporaryDirectory.appendingPathComponent("assembly-\(UUID().uuidString)")
            out = base.appendingPathComponent("out")
            genesisFolder = base.appendingPathComponent("genesis")
            try FileManager.default.createDirectory(at: genesisFolder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: try GenesisFixture.url("cl-genesis/a-minimal-fulu-8val-0x01/genesis.json"), to: genesisFolder.appendingPathComponent("genesis.json"))
            try Data("PRESET_BASE: 'minimal'\n".utf8).write(to: genesisFolder.appendingPathComponent("config.yaml"))
            try Data(contentsOf: try GenesisFixture.url("cl-genesis/a-minimal-fulu-8val-0x01/mnemonics.yaml"))
                .write(to: genesisFolder.appendingPathComponent("mnemonics.yaml"))
            let accounts = FakeStateSource(accounts: try PipelineFixture.genesis().alloc, pageSize: 100).pages[0]
            var lines = [#"{"root":"\#(Hex.encode(PipelineFixture.stateRoot))"}"#]
            for account in accounts {
                let entry = JSONValue.object([
                    ("balance", .string(account.balance.decimalString)), ("nonce", .integer(account.nonce)),
                    ("code", .string(Hex.encode(account.code))),
                    ("storage", .object(account.storage.map { (Hex.encode($0.key), .string(Hex.encode($0.value.trimmedBytes, prefixed: false))) })),
                    ("address", .string(account.address.description)),
                ])
                lines.append(JSONWriter.string(entry))
            }
            dump = base.appendingPathComponent("state.jsonl")
            try Data(lines.joined(separator: "\n").utf8).write(to: dump)
            root = PipelineFixture.stateRoot
        }

        func request() throws -> SnapshotRequest {
            let files = try SourceGenesisFiles(folder: genesisFolder)
            let genesis = try GenesisFile(contentsOf: files.genesis)
            let block = PinnedBlock.offline(stateRoot: try DumpStateSource.root(of: dump), number: 0, genesis: genesis.parameters)
            return SnapshotRequest(
                block: block, sourceFiles: files, sourceGenesis: genesis.parameters,
                source: .init(enclave: nil, rpcURL: nil, elClient: nil, clientVersion: nil, chainId: 3_151_908, blockNumber: 0,
                              blockHash: nil, stateRoot: block.stateRoot),
                tool: .init(version: "9.9.9"), createdAt: Date(timeIntervalSince1970: 0))
        }

        func workspace(name: String = "snap") throws -> SnapshotWorkspace {
            try SnapshotWorkspace(outputFolder: out, name: name)
        }

        /// The pipeline with the recording consensus provider and stand-in runtime services.
        func pipeline(provider: RecordingProvider = RecordingProvider()) throws -> SnapshotPipeline {
            SnapshotPipeline(
                execution: ExecutionGenesisStep(source: DumpStateSource(url: dump), concurrency: 1),
                consensus: ConsensusGenesisStep(client: "stub-cl", provider: provider, validators: .init(count: 3), keystoreKDF: .standardScrypt),
                runtime: RuntimeStep(
                    writer: RuntimeWriter(registry: try PluginRegistry([StubExecutionRuntimePlugin(), StubConsensusRuntimePlugin()])),
                    executionClient: "stub-el"))
        }

        func remove() { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
    }

    /// Every stage in order, by hand: each takes what the earlier ones returned; the metadata digests every file.
    @Test func theStagesWriteTheFolderAndItsMetadata() async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let request = try fixture.request()
        let workspace = try fixture.workspace()
        let pipeline = try fixture.pipeline()
        let execution = try await pipeline.execution.run(request, in: workspace)
        try SourceFilesStep.run(request, in: workspace)
        let consensus = try pipeline.consensus.run(request, execution: execution, in: workspace)
        let runtime = try pipeline.runtime.run(request, execution: execution, consensus: consensus, in: workspace)
        let metadata = try MetadataStep.run(request, execution: execution, consensus: consensus, runtime: runtime, in: workspace)
        let folder = try workspace.commit()
        #expect(folder.lastPathComponent == "snap")
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.out.path) == ["snap"])

        // The genesis written is case (a)'s genesis again: same root, same third-party block hash.
        let genesis = try GenesisFile(contentsOf: folder.appendingPathComponent("el/genesis.json"))
        #expect(genesis.stateRoot() == fixture.root)
        #expect(genesis.header().hash() == PipelineFixture.blockHash)
        #expect(execution.genesisHash == PipelineFixture.blockHash)
        #expect(try Data(contentsOf: folder.appendingPathComponent("source/config.yaml")) == Data("PRESET_BASE: 'minimal'\n".utf8))

        let written = try SnapshotMetadata(json: JSONParser.parse([UInt8](Data(contentsOf: folder.appendingPathComponent("metadata.json")))))
        #expect(written == metadata)
        #expect(metadata.cl == .init(client: "stub-cl", fork: "fulu", preset: "minimal", validators: 3,
                                     genesisValidatorsRoot: [UInt8](repeating: 9, count: 32)))
        #expect(metadata.el.genesisHash == PipelineFixture.blockHash && metadata.el.stateRoot == fixture.root)
        #expect(metadata.el.runtimeClient == "stub-el")
        #expect(metadata.runtime == runtime.metadata)
        #expect(runtime == RuntimeRecord(executionClient: "stub-el", executionImage: StubRuntimeEmitter.image(for: .execution),
                                         consensusClient: "stub-cl", consensusImage: StubRuntimeEmitter.image(for: .beacon)))
        #expect(metadata.state == .init(source: "state dump", accounts: 8, contracts: 5, storageSlots: 33))
        #expect(metadata.tool.version == "9.9.9" && metadata.source.chainId == 3_151_908)
        let paths = metadata.files.map(\.path)
        #expect(paths.contains("el/genesis.json") && paths.contains("cl/genesis.ssz") && paths.contains("docker-compose.yml"))
        #expect(paths.contains("source/config.yaml") && paths.contains("source/mnemonics.yaml") && !paths.contains("metadata.json"))
        for (path, digest) in metadata.files {
            #expect(try FileDigests.sha256(of: folder.appendingPathComponent(path)) == digest)
        }
    }

    /// The consensus stage gets the EL genesis just written, the forks active at the pinned block and the selection.
    @Test func theConsensusStageBuildsOnTheNewELGenesis() async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let provider = RecordingProvider()
        let pipeline = try fixture.pipeline(provider: provider)
        try pipeline.consensus.checkInputs(try SourceGenesisFiles(folder: fixture.genesisFolder))
        let request = try fixture.request()
        let workspace = try fixture.workspace()
        defer { workspace.discard() }
        let execution = try await pipeline.execution.run(request, in: workspace)
        let consensus = try pipeline.consensus.run(request, execution: execution, in: workspace)
        let input = try #require(provider.inputs.all.first)
        #expect(provider.inputs.all.count == 1)
        #expect(input.execution.hash == PipelineFixture.blockHash && input.execution == execution.block)
        #expect(input.activeExecutionForks.suffix(3) == ["cancun", "prague", "osaka"])
        #expect(input.validators == ValidatorSelection(count: 3) && input.keystoreKDF == .standardScrypt)
        #expect(input.sourceMnemonics.validatorCount == 8)
        #expect(consensus.client == "stub-cl" && consensus.result.files == ["cl/genesis.ssz"])
        #expect(FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("cl/genesis.ssz").path))
    }

    @Test func consensusInputsAreCheckedUpFront() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let files = try SourceGenesisFiles(folder: fixture.genesisFolder)
        let badMnemonic = ConsensusGenesisStep(client: "recorder", provider: RecordingProvider(), validators: .init(mnemonic: "not a mnemonic"))
        #expect(throws: ConsensusGenesisError.self) { try badMnemonic.checkInputs(files) }
        let noValidators = ConsensusGenesisStep(client: "recorder", provider: RecordingProvider(), validators: .init(count: 0))
        #expect(throws: ConsensusGenesisError.self) { try noValidators.checkInputs(files) }
    }

    /// The whole pipeline: the recording provider's stand-in genesis.ssz is no BeaconState, so the folder fails
    /// `SnapshotVerifier`'s checks at the end and is not kept.
    @Test func aFolderThatFailsVerificationIsNotKept() async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        var titles: [String] = []
        let error = await #expect(throws: AssembledSnapshotError.self) {
            _ = try await fixture.pipeline().run(try fixture.request(), in: try fixture.workspace()) { titles.append($0) }
        }
        #expect(titles == [
            "reading the state with state dump and writing el/genesis.json",
            "copying the source chain's config.yaml and mnemonics.yaml",
            "building the consensus genesis and validator keys (stub-cl)",
            "writing the runtime (docker-compose.yml with stub-el, scripts, README.md)",
            "writing metadata.json",
            "verifying the snapshot folder",
        ])
        let failed = Set(error?.failures.map(\.name) ?? [])
        #expect(!failed.isEmpty && !failed.contains("files") && !failed.contains("el.stateRoot"))
        #expect(error?.description.hasPrefix("the assembled snapshot failed verification (") == true)
        #expect(!FileManager.default.fileExists(atPath: fixture.out.path), "nothing is left, not even the out folder the run created")
    }

    @Test func aStateThatFailsVerificationLeavesNothingBehind() async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        var lines = try String(contentsOf: fixture.dump, encoding: .utf8).split(separator: "\n")
        lines.remove(at: 3)
        try Data(lines.joined(separator: "\n").utf8).write(to: fixture.dump)
        await #expect(throws: StateVerificationError.self) {
            _ = try await fixture.pipeline().run(try fixture.request(), in: try fixture.workspace())
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.out.path), "nothing is left, not even the out folder the run created")
    }
}
