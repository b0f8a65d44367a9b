import Foundation
import SnapshotKit
import SnapshotTestSupport
import TestFixtures
import Testing
import Yams
@testable import NethermindPlugin

/// The Nethermind `el` service: its image, its flags, a whole snapshot run by Nethermind that verifies, and the
/// genesis form Nethermind detects.
@Suite struct NethermindRuntimeEmitterTests {
    static let fixtures = TestFixtures.root

    static func context(gasLimit: UInt64? = 60_000_000, fork: ConsensusFork = .fulu) -> RuntimeContext {
        var snapshot = SnapshotFixture.runtimeSnapshot(executionClient: "nethermind", consensusClient: "stub-cl")
        snapshot.gasLimit = gasLimit
        snapshot.fork = fork
        return RuntimeContext(snapshot: snapshot, role: .execution, image: NethermindRuntimeEmitter.defaultImage,
                              feeRecipient: RuntimeOptions.defaultFeeRecipient)
    }

    @Test func isARuntimePlugin() throws {
        let plugin = try PluginRegistry([NethermindPlugin()]).plugin(id: "nethermind", layer: .execution)
        #expect(plugin.roles.contains(.runtime))
        #expect((plugin as? any RuntimeClientPlugin)?.runtimeEmitters.map(\.role) == [.execution])
    }

    @Test func defaultImageIsAPinnedReleaseUpToFulu() throws {
        let emitter = NethermindRuntimeEmitter()
        for fork in [ConsensusFork.electra, .fulu] {
            #expect(try emitter.defaultImage(for: Self.context(fork: fork).snapshot) == "nethermind/nethermind:1.39.2")
        }
        #expect(ImageReference.isPinned(NethermindRuntimeEmitter.defaultImage))
        #expect { try emitter.defaultImage(for: Self.context(fork: .gloas).snapshot) } throws: { error in
            (error as? RuntimeError)?.description.contains("nethermind cannot run this snapshot: its genesis is in gloas") == true
        }
    }

    /// ethereum-package's flags with `--config=none`, the geth-style genesis as the chain spec, no pruning.
    @Test func serviceRunsNethermindOnTheSnapshotGenesis() throws {
        let service = NethermindRuntimeEmitter().service(Self.context())
        #expect(service.entrypoint == ["/nethermind/nethermind"], "the image's ./nethermind, in full")
        #expect(service.snapshotFolders == ["el"])
        #expect(service.healthcheck == .executionJSONRPC)
        #expect(service.command == [
            "--config=none", "--data-dir=/runtime/el", "--Init.ChainSpecPath=/snapshot/el/genesis.json",
            "--Init.WebSocketsEnabled=true", "--Init.DiscoveryEnabled=false", "--Init.PeerManagerEnabled=false",
            "--Pruning.Mode=None", "--JsonRpc.Enabled=true",
            "--JsonRpc.EnabledModules=eth,net,web3,subscribe,debug,trace,txpool",
            "--JsonRpc.Host=0.0.0.0", "--JsonRpc.Port=8545", "--JsonRpc.WebSocketsPort=8546",
            "--JsonRpc.CorsOrigins=http://localhost,http://127.0.0.1",
            "--JsonRpc.EngineHost=0.0.0.0", "--JsonRpc.EnginePort=8551", "--JsonRpc.JwtSecretFile=/runtime/jwt.hex",
            "--Blocks.TargetBlockGasLimit=60000000",
        ])
        #expect(!NethermindRuntimeEmitter().service(Self.context(gasLimit: nil)).command.contains { $0.hasPrefix("--Blocks.") })
    }

    /// No wildcard origin (Nethermind's default is `*`), no admin module; the engine module stays on the JWT port.
    @Test func userFacingPortsRefuseBrowserPages() {
        let command = NethermindRuntimeEmitter().service(Self.context()).command
        #expect(!command.contains { $0.contains("*") })
        #expect(command.contains("--JsonRpc.CorsOrigins=http://localhost,http://127.0.0.1"))
        let modules = command.first { $0.hasPrefix("--JsonRpc.EnabledModules=") }?.split(separator: "=").last?.split(separator: ",")
        #expect(modules?.contains("admin") == false)
        #expect(modules?.contains("engine") == false)
        #expect(command.contains("--JsonRpc.JwtSecretFile=/runtime/jwt.hex"))
    }

    /// A slot time other than 12 s reaches Nethermind, which times payload building by the slot (ethereum-package
    /// passes it the same way); 12 s and an unknown slot time leave Nethermind's default.
    @Test(arguments: [(UInt64?.some(6), true), (12, false), (nil, false)])
    func slotTimeReachesNethermind(seconds: UInt64?, passed: Bool) {
        var context = Self.context()
        context.snapshot.secondsPerSlot = seconds
        let command = NethermindRuntimeEmitter().service(context).command
        #expect(command.contains("--Blocks.SecondsPerSlot=6") == passed)
        #expect(command.contains { $0.hasPrefix("--Blocks.SecondsPerSlot") } == passed)
    }

    @Test func snapshotRunByNethermindVerifies() throws {
        let folder = try SnapshotFixture.build(
            fixtures: Self.fixtures, registry: PluginRegistry([NethermindPlugin(), StubConsensusRuntimePlugin()]),
            executionClient: "nethermind", consensusClient: "stub-cl")
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try SnapshotVerifier(folder: folder).run()
        #expect(report.ok, "\(report.failures)")
        let text = try String(contentsOf: folder.appendingPathComponent("docker-compose.yml"), encoding: .utf8)
        let el = try #require(try Yams.compose(yaml: text)?["services"]?["el"])
        #expect(el["image"]?.string == "nethermind/nethermind:1.39.2")
        #expect(el["command"]?.sequence?.compactMap(\.string) == NethermindRuntimeEmitter().service(Self.context()).command)
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("**nethermind** loads `el/genesis.json`"))
    }

    /// Nethermind takes a chain spec for a geth-style genesis only when `config` is its first key, and parses alloc
    /// addresses strictly with `0x`: `GenesisWriter`'s form (what `create` writes) of case (a)'s genesis is so.
    @Test func theWrittenGenesisStartsWithConfigAndPrefixesAddresses() throws {
        let source = try GenesisFile(contentsOf: Self.fixtures.appendingPathComponent("cl-genesis/a-minimal-fulu-8val-0x01/genesis.json"))
        let text = String(decoding: source.portableJSON(), as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"config\": {"))
        let allocText = try #require(text.components(separatedBy: "\"alloc\": {").last)
        let keys = allocText.split(separator: "\n").compactMap { $0.split(separator: "\"").dropFirst().first }
        #expect(keys.count == source.alloc.count && keys.allSatisfy { $0.hasPrefix("0x") && $0.count == 42 })
    }
}
