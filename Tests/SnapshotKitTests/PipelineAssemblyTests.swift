import Foundation
import SnapshotKit
import Testing

/// The ordered snapshot steps over a real dump file: folder contents, metadata, and cleanup on failure.
@Suite struct PipelineAssemblyTests {
    private struct Failing: SnapshotStep {
        var title: String { "failing" }
        func run(_ draft: inout SnapshotDraft) async throws {
            try Data("half".utf8).write(to: try draft.workspace.file("cl/genesis.ssz"))
            throw WorkspaceError.cannotWrite(path: "cl/genesis.ssz", reason: "disk full")
        }
    }

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

        func draft(name: String) throws -> SnapshotDraft {
            let files = try SourceGenesisFiles(folder: genesisFolder)
            let genesis = try GenesisFile(contentsOf: files.genesis)
            let block = PinnedBlock.offline(stateRoot: try DumpStateSource.root(of: dump), number: 0, genesis: genesis.parameters)
            return SnapshotDraft(
                workspace: try SnapshotWorkspace(outputFolder: out, name: name), block: block, sourceFiles: files,
                sourceGenesis: genesis.parameters, tool: .init(version: "9.9.9"), createdAt: Date(timeIntervalSince1970: 0),
                source: .init(enclave: nil, rpcURL: nil, elClient: nil, clientVersion: nil, chainId: 3_151_908, blockNumber: 0,
                              blockHash: nil, stateRoot: block.stateRoot))
        }

        func remove() { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
    }

    @Test func writesTheFolderWithMetadataAndRenamesIt() async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        var titles: [String] = []
        let (draft, folder) = try await SnapshotAssembler(steps: [
            ExecutionGenesisStep(source: DumpStateSource(url: fixture.dump), concurrency: 1), SourceFilesStep(), MetadataStep(),
        ]).assemble(try fixture.draft(name: "snap")) { titles.append($0) }
        #expect(titles == ["reading the state with state dump and writing el/genesis.json",
                           "copying the source chain's config.yaml and mnemonics.yaml", "writing metadata.json"])
        #expect(folder.lastPathComponent == "snap")
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.out.path) == ["snap"])

        // The genesis written is case (a)'s genesis again: same root, same third-party block hash.
        let genesis = try GenesisFile(contentsOf: folder.appendingPathComponent("el/genesis.json"))
        #expect(genesis.stateRoot() == fixture.root)
        #expect(genesis.header().hash() == PipelineFixture.blockHash)
        #expect(try Data(contentsOf: folder.appendingPathComponent("source/config.yaml")) == Data("PRESET_BASE: 'minimal'\n".utf8))

        let metadata = try SnapshotMetadata(json: JSONParser.parse([UInt8](Data(contentsOf: folder.appendingPathComponent("metadata.json")))))
        #expect(metadata == draft.metadata)
        #expect(metadata.cl == nil, "no consensus step, no cl section")
        #expect(metadata.el.genesisHash == PipelineFixture.blockHash && metadata.el.stateRoot == fixture.root)
        #expect(metadata.state == .init(source: "state dump", accounts: 8, contracts: 5, storageSlots: 33))
        #expect(metadata.tool.version == "9.9.9" && metadata.source.chainId == 3_151_908)
        #expect(metadata.files.map(\.path) == ["el/genesis.json", "source/config.yaml", "source/mnemonics.yaml"])
        for (path, digest) in metadata.files {
            #expect(try FileDigests.sha256(of: folder.appendingPathComponent(path)) == digest)
        }
    }

    /// The consensus step gets the EL genesis just written, the forks active at the pinned block and the selection;
    /// its files are digested and its result lands in `cl`.
    @Test func theConsensusStepBuildsOnTheNewELGenesis() async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let provider = RecordingProvider()
        let consensus = ConsensusGenesisStep(client: "recorder", provider: provider, validators: .init(count: 3), keystoreKDF: .standardScrypt)
        try consensus.checkInputs(try SourceGenesisFiles(folder: fixture.genesisFolder))
        let (draft, folder) = try await SnapshotAssembler(steps: [
            ExecutionGenesisStep(source: DumpStateSource(url: fixture.dump), concurrency: 1), consensus, MetadataStep(),
        ]).assemble(try fixture.draft(name: "snap"))
        let input = try #require(provider.inputs.all.first)
        #expect(provider.inputs.all.count == 1)
        #expect(input.execution.hash == PipelineFixture.blockHash && input.execution == draft.executionGenesis?.block)
        #expect(input.activeExecutionForks.suffix(3) == ["cancun", "prague", "osaka"])
        #expect(input.validators == ValidatorSelection(count: 3) && input.keystoreKDF == .standardScrypt)
        #expect(input.sourceMnemonics.validatorCount == 8)
        #expect(draft.metadata?.cl == .init(client: "recorder", fork: "fulu", preset: "minimal", validators: 3,
                                            genesisValidatorsRoot: [UInt8](repeating: 9, count: 32)))
        #expect(draft.metadata?.files.map(\.path) == ["cl/genesis.ssz", "el/genesis.json"])
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("cl/genesis.ssz").path))
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

    @Test func aFailingStepLeavesNothingBehind() async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        await #expect(throws: WorkspaceError.self) {
            try await SnapshotAssembler(steps: [
                ExecutionGenesisStep(source: DumpStateSource(url: fixture.dump), concurrency: 1), Failing(), MetadataStep(),
            ]).assemble(try fixture.draft(name: "snap"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.out.path).isEmpty)
    }

    @Test func aStateThatFailsVerificationLeavesNothingBehind() async throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        var lines = try String(contentsOf: fixture.dump, encoding: .utf8).split(separator: "\n")
        lines.remove(at: 3)
        try Data(lines.joined(separator: "\n").utf8).write(to: fixture.dump)
        await #expect(throws: StateVerificationError.self) {
            try await SnapshotAssembler(steps: [
                ExecutionGenesisStep(source: DumpStateSource(url: fixture.dump), concurrency: 1), SourceFilesStep(), MetadataStep(),
            ]).assemble(try fixture.draft(name: "snap"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.out.path).isEmpty)
    }
}
