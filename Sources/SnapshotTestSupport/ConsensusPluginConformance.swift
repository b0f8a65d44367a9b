import Foundation
import SnapshotKit

/// The checks every consensus plugin (and the plugin template) passes: it is a consensus-layer
/// ``ConsensusClientPlugin``; the core's genesis written in its layout holds every keystore and password where the
/// layout says, and records the layout; and, when it runs snapshots, the snapshot it runs with a stand-in EL
/// verifies offline (`SnapshotVerifier`), with a beacon node that has a health check and a validator client that is
/// given the runtime copies of its keys.
public enum ConsensusPluginConformance {
    /// The problems found, one line each; empty when the plugin conforms. `caseA` is the cl-genesis case (a)
    /// fixture folder (`genesis.json`, `config.yaml`, `mnemonics.yaml`) and `forks` the execution forks active at its
    /// genesis.
    public static func problems(of plugin: any ConsensusClientPlugin, caseA: URL, forks: [String]) -> [String] {
        var problems: [String] = []
        if plugin.layer != .consensus { problems.append("layer is \(plugin.layer.rawValue), not consensus") }
        if !plugin.roles.contains(.consensusGenesis) { problems.append("roles do not list consensus-genesis") }
        let layout = plugin.consensusLayout
        if layout.keystoreFolder == layout.passwordFolder && layout.keystore == layout.password {
            problems.append("keystore and password paths are the same: \(layout.keystore)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conformance-\(plugin.id)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let genesis = try GenesisFile(contentsOf: caseA.appendingPathComponent("genesis.json"))
            let input = ConsensusGenesisInput(
                sourceConfig: try ConsensusConfig(contentsOf: caseA.appendingPathComponent("config.yaml")),
                sourceMnemonics: try MnemonicsFile(contentsOf: caseA.appendingPathComponent("mnemonics.yaml")),
                execution: ExecutionGenesisBlock(genesis), activeExecutionForks: forks)
            let result = try plugin.writeConsensusGenesis(input, into: folder)
            if result.layout != layout { problems.append("the genesis result does not record the plugin's layout") }
            let keystores = result.files.filter { $0.hasPrefix(layout.keystoreFolder + "/") }
            if keystores.count != result.validators { problems.append("\(keystores.count) keystores for \(result.validators) validators") }
            guard plugin.roles.contains(.runtime), plugin is any RuntimeClientPlugin else { return problems }
            problems += runtimeProblems(of: plugin, result: result, genesis: genesis, caseA: caseA, folder: folder)
        } catch {
            problems.append("the consensus genesis of case (a) cannot be written: \(error)")
        }
        return problems
    }

    private static func runtimeProblems(
        of plugin: any ConsensusClientPlugin, result: ConsensusGenesisResult,
        genesis: GenesisFile, caseA: URL, folder: URL
    ) -> [String] {
        var problems: [String] = []
        do {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("el"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: caseA.appendingPathComponent("genesis.json"), to: folder.appendingPathComponent("el/genesis.json"))
            let snapshot = RuntimeSnapshot(
                chainId: 1, executionClient: StubExecutionRuntimePlugin().id, consensusClient: plugin.id,
                preset: result.preset, fork: result.fork, validatorCount: result.validators)
            let writer = RuntimeWriter(registry: try PluginRegistry([StubExecutionRuntimePlugin(), plugin]))
            let compose = try writer.composeFile(for: snapshot, options: RuntimeOptions())
            let validator = compose.entries.first { $0.role == .validator }?.service
            let argv = (validator?.entrypoint ?? []) + (validator?.command ?? [])
            let keys = RuntimeLayout.validatorsCopy(of: plugin.consensusLayout.keystoreFolder)
            if !argv.contains(where: { $0.contains(keys) }) { problems.append("the validator client is not given \(keys)") }
            if argv.contains(where: { $0.contains(RuntimeLayout.snapshot) }) {
                problems.append("the validator client reads the read-only snapshot instead of the runtime copies")
            }
            let emission = try writer.write(snapshot, options: RuntimeOptions(), into: folder)
            try writeMetadata(result: result, genesis: genesis, client: plugin.id, images: emission.images, in: folder)
            let report = try SnapshotVerifier(folder: folder).run()
            for failure in report.failures { problems.append("verify: \(failure.name): \(failure.detail)") }
        } catch {
            problems.append("the snapshot it runs cannot be written or verified: \(error)")
        }
        return problems
    }

    private static func writeMetadata(
        result: ConsensusGenesisResult, genesis: GenesisFile, client: String, images: [RuntimeRole: String], in folder: URL
    ) throws {
        let stateRoot = Hex.encode(genesis.stateRoot())
        let files = try SnapshotFileDigests.compute(in: folder)
        let metadata = JSONValue.object([
            ("source", .object([("stateRoot", .string(stateRoot))])),
            ("el", .object([("genesisHash", .string(Hex.encode(result.elGenesisHash))), ("stateRoot", .string(stateRoot))])),
            ("cl", .object([
                ("client", .string(client)), ("fork", .string(result.fork.rawValue)), ("preset", .string(result.preset)),
                ("validators", .integer(result.validators)), ("genesisValidatorsRoot", .string(Hex.encode(result.genesisValidatorsRoot))),
                ("layout", result.layout?.metadata ?? .null),
            ])),
            ("runtime", .object([("cl", .object([("client", .string(client)), ("image", .string(images[.beacon] ?? ""))]))])),
            ("files", .object(files.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
        ])
        try Data(JSONWriter.string(metadata, indent: 2).utf8).write(to: folder.appendingPathComponent(SnapshotFileDigests.metadataFile))
    }
}
