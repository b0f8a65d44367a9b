import Foundation
import SnapshotKit
import SnapshotTestSupport
import TestFixtures
import Testing
import Yams
@testable import BesuPlugin

/// The Besu `el` service: its image, its flags, a whole snapshot run by Besu that verifies, and the genesis form Besu
/// reads.
@Suite struct BesuRuntimeEmitterTests {
    static let fixtures = TestFixtures.root

    static func context(gasLimit: UInt64? = 60_000_000, fork: ConsensusFork = .fulu) -> RuntimeContext {
        var snapshot = SnapshotFixture.runtimeSnapshot(executionClient: "besu", consensusClient: "stub-cl")
        snapshot.gasLimit = gasLimit
        snapshot.fork = fork
        return RuntimeContext(snapshot: snapshot, role: .execution, image: BesuRuntimeEmitter.defaultImage,
                              feeRecipient: RuntimeOptions.defaultFeeRecipient)
    }

    @Test func isARuntimePlugin() throws {
        let plugin = try PluginRegistry([BesuPlugin()]).plugin(id: "besu", layer: .execution)
        #expect(plugin.roles.contains(.runtime))
        #expect((plugin as? any RuntimeClientPlugin)?.runtimeEmitters.map(\.role) == [.execution])
    }

    @Test func defaultImageIsAPinnedReleaseUpToFulu() throws {
        let emitter = BesuRuntimeEmitter()
        for fork in [ConsensusFork.electra, .fulu] {
            #expect(try emitter.defaultImage(for: Self.context(fork: fork).snapshot) == "hyperledger/besu:26.8.0")
        }
        #expect(ImageReference.isPinned(BesuRuntimeEmitter.defaultImage))
        #expect { try emitter.defaultImage(for: Self.context(fork: .gloas).snapshot) } throws: { error in
            (error as? RuntimeError)?.description.contains("besu cannot run this snapshot: its genesis is in gloas") == true
        }
    }

    /// ethereum-package's flags, the genesis read from the read-only snapshot mount, the data in the wiped volume.
    @Test func serviceRunsBesuOnTheSnapshotGenesis() throws {
        let service = BesuRuntimeEmitter().service(Self.context())
        #expect(service.entrypoint == ["/opt/besu/bin/besu"])
        #expect(service.snapshotFolders == ["el"])
        #expect(service.healthcheck == .executionJSONRPC)
        #expect(service.command == [
            "--data-path=/runtime/el", "--genesis-file=/snapshot/el/genesis.json", "--network-id=3151908",
            "--sync-mode=FULL", "--data-storage-format=FOREST", "--host-allowlist=localhost,127.0.0.1,el",
            "--rpc-http-enabled=true", "--rpc-http-host=0.0.0.0", "--rpc-http-port=8545",
            "--rpc-http-api=ETH,NET,WEB3,DEBUG,TRACE,TXPOOL",
            "--rpc-ws-enabled=true", "--rpc-ws-host=0.0.0.0", "--rpc-ws-port=8546",
            "--rpc-ws-api=ETH,NET,WEB3",
            "--engine-rpc-enabled=true", "--engine-rpc-port=8551", "--engine-jwt-secret=/runtime/jwt.hex",
            "--engine-host-allowlist=el,localhost,127.0.0.1", "--discovery-enabled=false", "--target-gas-limit=60000000",
        ])
        #expect(!BesuRuntimeEmitter().service(Self.context(gasLimit: nil)).command.contains { $0.hasPrefix("--target-gas-limit") })
    }

    /// No wildcard host or origin, no engine or admin namespace on the user-facing ports; the engine port answers the
    /// beacon node's `el` host, behind the JWT.
    @Test func userFacingPortsRefuseBrowserPages() {
        let command = BesuRuntimeEmitter().service(Self.context()).command
        #expect(!command.contains { $0.contains("*") })
        #expect(!command.contains { $0.hasPrefix("--rpc-http-cors-origins") })
        #expect(!command.contains { $0.hasPrefix("--rpc-") && ($0.contains("ENGINE") || $0.contains("ADMIN")) })
        #expect(command.contains("--host-allowlist=localhost,127.0.0.1,el"))
        #expect(command.contains("--engine-jwt-secret=/runtime/jwt.hex"))
    }

    /// A snapshot whose `el` is Besu verifies, and its compose file runs the Besu image on the snapshot's genesis.
    @Test func snapshotRunByBesuVerifies() throws {
        let folder = try SnapshotFixture.build(
            fixtures: Self.fixtures, registry: PluginRegistry([BesuPlugin(), StubConsensusRuntimePlugin()]),
            executionClient: "besu", consensusClient: "stub-cl")
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try SnapshotVerifier(folder: folder).run()
        #expect(report.ok, "\(report.failures)")
        let text = try String(contentsOf: folder.appendingPathComponent("docker-compose.yml"), encoding: .utf8)
        let el = try #require(try Yams.compose(yaml: text)?["services"]?["el"])
        #expect(el["image"]?.string == "hyperledger/besu:26.8.0")
        #expect(el["command"]?.sequence?.compactMap(\.string) == BesuRuntimeEmitter().service(Self.context()).command)
        #expect(el["healthcheck"]?["test"]?.sequence?.first?.string == "CMD")
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("**besu** reads `el/genesis.json`"))
    }

    /// Besu reads an alloc nonce as hex even without `0x`: the portable genesis writes `0x` nonces (and `config`
    /// first), so every client reads the same number.
    @Test func theGenesisBesuReadsHasHexNonces() throws {
        let parameters = try GenesisParameters(json: .object([
            ("config", .object([("chainId", .integer(3_151_908))])), ("gasLimit", .string("0x1c9c380")), ("difficulty", .string("0x0")),
        ]))
        let alloc = [10, 16, 255].map { nonce in
            Account(address: Address(bytes: [UInt8](repeating: 0, count: 19) + [UInt8(nonce)])!, nonce: UInt64(nonce), balance: UInt256(1))
        }
        let text = String(decoding: GenesisFile(parameters: parameters, alloc: alloc).portableJSON(), as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"config\": {"))
        let nonces = text.components(separatedBy: "\"nonce\": \"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(nonces == ["0x0", "0xa", "0x10", "0xff"], "the block nonce, then each account's, all 0x hex")
        #expect(try GenesisFile(bytes: Array(text.utf8)).alloc.map(\.nonce) == [10, 16, 255])
    }
}
