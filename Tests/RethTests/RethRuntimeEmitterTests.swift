import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing
import Yams
@testable import RethPlugin

/// Reth's `el` service: its image, its exact command line, its health check, and a whole snapshot run by Reth that
/// verifies.
@Suite struct RethRuntimeEmitterTests {
    static func context(gasLimit: UInt64? = 60_000_000, fork: ConsensusFork = .fulu) -> RuntimeContext {
        var snapshot = SnapshotFixture.runtimeSnapshot(executionClient: "reth", consensusClient: "stub-cl")
        snapshot.gasLimit = gasLimit
        snapshot.fork = fork
        return RuntimeContext(snapshot: snapshot, role: .execution, image: RethRuntimeEmitter.defaultImage,
                              feeRecipient: RuntimeOptions.defaultFeeRecipient)
    }

    @Test func defaultImageIsAPinnedReleaseUpToFulu() throws {
        let emitter = RethRuntimeEmitter()
        for fork in [ConsensusFork.electra, .fulu] {
            #expect(try emitter.defaultImage(for: Self.context(fork: fork).snapshot) == "ghcr.io/paradigmxyz/reth:v2.4.1")
        }
        #expect(ImageReference.isPinned(RethRuntimeEmitter.defaultImage))
        #expect { try emitter.defaultImage(for: Self.context(fork: .gloas).snapshot) } throws: { error in
            (error as? RuntimeError)?.description.contains("reth cannot run this snapshot: its genesis is in gloas") == true
        }
    }

    /// No CORS domain or WebSocket origin (a `*` would let any page read the node), no admin namespace, and only the
    /// read-and-subscribe namespaces on the WebSocket port, which Reth opens to any origin.
    @Test func userFacingPortsRefuseBrowserPages() {
        let command = RethRuntimeEmitter().service(Self.context()).command
        #expect(!command.contains { $0.contains("*") })
        #expect(!command.contains { $0.hasPrefix("--http.corsdomain") || $0.hasPrefix("--ws.origins") })
        #expect(!command.contains { $0.contains("admin") })
        #expect(command.contains("--ws.api=eth,net,web3"))
        #expect(command.contains("--authrpc.jwtsecret=/runtime/jwt.hex"))
    }

    /// Every flag, in order: the test that catches a renamed or dropped flag.
    @Test func serviceStartsFromTheSnapshotGenesis() {
        let service = RethRuntimeEmitter().service(Self.context())
        #expect(service.entrypoint == ["reth"])
        #expect(service.command == [
            "node",
            "--chain=/snapshot/el/genesis.json",
            "--datadir=/runtime/el",
            "--http", "--http.addr=0.0.0.0", "--http.port=8545", "--http.api=eth,net,web3,debug,trace,txpool",
            "--ws", "--ws.addr=0.0.0.0", "--ws.port=8546", "--ws.api=eth,net,web3",
            "--authrpc.addr=0.0.0.0", "--authrpc.port=8551", "--authrpc.jwtsecret=/runtime/jwt.hex",
            "--disable-discovery", "--max-outbound-peers=0", "--max-inbound-peers=0",
            "--rpc.eth-proof-window=302400",
            "--builder.gaslimit=60000000",
        ])
        #expect(!service.command.contains("--full"), "an archive node, so the running chain can be snapshotted again")
        #expect(service.snapshotFolders == ["el"])
        #expect(service.healthcheck == .executionJSONRPC)
        #expect(service.healthcheck?.command.first == "bash")
        #expect(!RethRuntimeEmitter().service(Self.context(gasLimit: nil)).command.contains { $0.hasPrefix("--builder.gaslimit") })
    }

    /// A snapshot whose `el` is Reth: the compose file runs the pinned image with the flags above, and it verifies.
    @Test func snapshotRunByRethVerifies() throws {
        let folder = try SnapshotFixture.build(
            fixtures: ExecutionPluginConformance.repositoryFixtures,
            registry: PluginRegistry([RethPlugin(), StubConsensusRuntimePlugin()]), executionClient: "reth", consensusClient: "stub-cl")
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try SnapshotVerifier(folder: folder).run()
        #expect(report.ok, "\(report.failures)")
        let text = try String(contentsOf: folder.appendingPathComponent("docker-compose.yml"), encoding: .utf8)
        let el = try #require(try Yams.compose(yaml: text)?["services"]?["el"])
        #expect(el["image"]?.string == "ghcr.io/paradigmxyz/reth:v2.4.1")
        #expect(el["entrypoint"]?.sequence?.compactMap(\.string) == ["reth"])
        #expect(el["command"]?.sequence?.compactMap(\.string) == RethRuntimeEmitter().service(Self.context()).command)
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("**reth** starts from `el/genesis.json` (`--chain`)"))
    }
}
