import BesuPlugin
import Foundation
import GethPlugin
import LighthousePlugin
import NethermindPlugin
import RethPlugin
import SnapshotKit
import TekuPlugin
import Testing

/// The stacks `create` emits, built the same way (the tool's plugins, ``RuntimeWriter`` with default options, every
/// image the emitters' default), and the contracts they are checked against.
enum ContractStack {
    /// Every execution client that runs a snapshot.
    static let executionClients = ["geth", "besu", "nethermind", "reth"]
    /// Every consensus client that runs the beacon node and validator client.
    static let consensusClients = ["lighthouse", "teku"]
    static let presets = ["minimal", "mainnet"]
    /// The genesis forks whose flags differ (Fulu adds the beacon node's PeerDAS custody flag).
    static let forks: [ConsensusFork] = [.electra, .fulu]

    /// The registry of the `snapshotter` tool.
    static func registry() throws -> PluginRegistry {
        try PluginRegistry([GethPlugin(), BesuPlugin(), NethermindPlugin(), RethPlugin(), LighthousePlugin(), TekuPlugin()])
    }

    /// A snapshot of a Kurtosis-like devnet run by `executionClient` and `consensusClient`.
    static func snapshot(
        executionClient: String, consensusClient: String = "lighthouse", preset: String, fork: ConsensusFork
    ) -> RuntimeSnapshot {
        RuntimeSnapshot(
            chainId: 3_151_908, executionClient: executionClient, consensusClient: consensusClient, preset: preset,
            fork: fork, validatorCount: 64, gasLimit: 60_000_000)
    }

    /// The services of the compose file `create` writes for `snapshot`.
    static func services(of snapshot: RuntimeSnapshot) throws -> [EmittedService] {
        let compose = try RuntimeWriter(registry: registry()).composeFile(for: snapshot, options: RuntimeOptions())
        return try EmittedService.services(inComposeYAML: compose.yaml())
    }

    /// The fixture a service is checked against: the plugin id of its client, or the init image's name.
    static func contractName(of service: EmittedService, in snapshot: RuntimeSnapshot) -> String {
        switch service.name {
        case RuntimeRole.execution.serviceName: snapshot.executionClient
        case RuntimeRole.beacon.serviceName, RuntimeRole.validator.serviceName: snapshot.consensusClient
        default: repositoryName(service.image)
        }
    }

    /// The last path component of an image's repository, without tag or digest: `busybox:1.37.0` → `busybox`.
    static func repositoryName(_ image: String) -> String {
        let withoutDigest = image.split(separator: "@").first.map(String.init) ?? image
        let last = withoutDigest.split(separator: "/").last.map(String.init) ?? withoutDigest
        return last.split(separator: ":").first.map(String.init) ?? last
    }
}

/// The fixtures in `Fixtures/contracts/`.
enum ContractFixtures {
    static var folder: URL {
        get throws {
            try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("contracts")
        }
    }

    /// The path of a fixture, as the project names it.
    static func projectPath(_ name: String) -> String { "Tests/RuntimeContractTests/Fixtures/contracts/\(name).json" }

    /// The contract `name.json`, or nil when there is none.
    static func contract(named name: String) throws -> CLIContract? {
        let url = try folder.appendingPathComponent("\(name).json")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try JSONDecoder().decode(CLIContract.self, from: Data(contentsOf: url))
    }

    /// Every fixture's name.
    static func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }
}
