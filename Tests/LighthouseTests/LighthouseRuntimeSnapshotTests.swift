import Foundation
import SnapshotKit
import TestFixtures
import Testing
@testable import LighthousePlugin

/// The Lighthouse consensus genesis and the runtime together, as `create` will put them: the provider's files, the
/// emitted runtime and a metadata.json verify, and `init.sh` retimes the provider's genesis state.
@Suite struct LighthouseRuntimeSnapshotTests {
    static let caseA = "cl-genesis/a-minimal-fulu-8val-0x01"
    /// The forks active at case (a)'s EL genesis (Osaka at 0).
    static let forks = [
        "homestead", "eip150", "eip155", "eip158", "byzantium", "constantinople", "petersburg", "istanbul", "berlin",
        "london", "mergeNetsplit", "shanghai", "cancun", "prague", "osaka",
    ]

    static func fixture(_ file: String) throws -> URL {
        try TestFixtures.url("\(caseA)/\(file)")
    }

    /// A snapshot folder: Lighthouse's consensus genesis of case (a), its EL genesis, a runtime with a stand-in EL
    /// and Lighthouse, and metadata.json.
    static func buildSnapshot() throws -> (URL, ConsensusGenesisResult) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lighthouse-snapshot-\(UUID().uuidString)")
        let genesis = try GenesisFile(contentsOf: try fixture("genesis.json"))
        let input = ConsensusGenesisInput(
            sourceConfig: try ConsensusConfig(contentsOf: try fixture("config.yaml")),
            sourceMnemonics: try MnemonicsFile(yaml: try String(contentsOf: try fixture("mnemonics.yaml"), encoding: .utf8)),
            execution: ExecutionGenesisBlock(genesis), activeExecutionForks: forks)
        let result = try LighthousePlugin().writeConsensusGenesis(input, into: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("el"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try fixture("genesis.json"), to: folder.appendingPathComponent("el/genesis.json"))

        let snapshot = RuntimeSnapshot(
            chainId: 3_151_908, executionClient: "test-el", consensusClient: "lighthouse", preset: result.preset,
            fork: result.fork, validatorCount: result.validators)
        let emission = try RuntimeWriter(registry: PluginRegistry([StandInExecutionPlugin(), LighthousePlugin()]))
            .write(snapshot, options: RuntimeOptions(), into: folder)

        let stateRoot = Hex.encode(genesis.stateRoot())
        let files = try SnapshotFileDigests.compute(in: folder)
        let metadata = JSONValue.object([
            ("source", .object([("chainId", .integer(3_151_908)), ("stateRoot", .string(stateRoot))])),
            ("el", .object([("genesisHash", .string(Hex.encode(result.elGenesisHash))), ("stateRoot", .string(stateRoot))])),
            ("cl", .object([
                ("client", .string("lighthouse")), ("fork", .string(result.fork.rawValue)), ("preset", .string(result.preset)),
                ("validators", .integer(result.validators)), ("genesisValidatorsRoot", .string(Hex.encode(result.genesisValidatorsRoot))),
                ("layout", result.layout?.metadata ?? .null),
            ])),
            ("runtime", .object([("cl", .object([("client", .string("lighthouse")), ("image", .string(emission.images[.beacon] ?? ""))]))])),
            ("files", .object(files.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
        ])
        try Data(JSONWriter.string(metadata, indent: 2).utf8).write(to: folder.appendingPathComponent("metadata.json"))
        return (folder, result)
    }

    @Test func snapshotVerifies() throws {
        let (folder, result) = try Self.buildSnapshot()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try SnapshotVerifier(folder: folder).run()
        #expect(report.ok, "\(report.failures)")
        let keystores = report.checks.first { $0.name == "validators.keystores" }
        #expect(keystores?.detail == "\(result.validators) keystores, each a genesis validator with its password file; \(result.validators) opened with their passwords")
    }

    /// The provider writes GENESIS_DELAY 0, so MIN_GENESIS_TIME is the new genesis time itself.
    @Test func initRetimesTheProvidersGenesis() async throws {
        let (folder, _) = try Self.buildSnapshot()
        let runtime = folder.appendingPathExtension("runtime")
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: runtime)
        }
        try FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: true)
        let start = UInt64(Date().timeIntervalSince1970)
        let result = try await Subprocess("/bin/sh", environment: [
            "SNAPSHOT_DIR": folder.path, "RUNTIME_DIR": runtime.path, "GENESIS_DELAY_SECONDS": "3",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]).run([folder.appendingPathComponent(InitScript.path).path])
        let end = UInt64(Date().timeIntervalSince1970)
        #expect(result.succeeded, "\(result.stderrText)")
        let bytes = [UInt8](try Data(contentsOf: runtime.appendingPathComponent("testnet/genesis.ssz")))
        let genesisTime = bytes[0..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect(genesisTime >= start + 3 && genesisTime <= end + 3)
        let config = try ConsensusConfig(contentsOf: runtime.appendingPathComponent("testnet/config.yaml"))
        #expect(config.uint64("GENESIS_DELAY") == 0)
        #expect(config.uint64("MIN_GENESIS_TIME") == genesisTime)
        // The retimed state is still the provider's state in every other field.
        var state = try BeaconState(decoding: bytes, fork: .fulu, preset: .minimal)
        let original = try BeaconState(decoding: [UInt8](try Data(contentsOf: folder.appendingPathComponent("cl/genesis.ssz"))), fork: .fulu, preset: .minimal)
        state.genesisTime = original.genesisTime
        #expect(state == original)
    }
}

/// A stand-in execution runtime plugin (the Lighthouse tests do not see the geth plugin).
struct StandInExecutionPlugin: RuntimeClientPlugin {
    let id = "test-el"
    let displayName = "Test EL"
    let layer = ClientLayer.execution
    let detection = ClientDetectionRules(clientVersionNames: ["TestEL"], serviceNameTokens: ["test-el"])
    var roles: [PluginRole] { [.runtime] }
    var runtimeEmitters: [any RuntimeEmitter] { [Emitter()] }

    struct Emitter: RuntimeEmitter {
        let role = RuntimeRole.execution
        func defaultImage(for snapshot: RuntimeSnapshot) throws(RuntimeError) -> String { "example/test-el:v1" }
        func service(_ context: RuntimeContext) -> RuntimeService {
            RuntimeService(command: ["run"], snapshotFolders: ["el"], healthcheck: RuntimeHealthcheck(command: ["check"]))
        }
    }
}
