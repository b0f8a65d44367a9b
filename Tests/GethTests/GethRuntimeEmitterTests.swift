import Foundation
import SnapshotKit
import SnapshotTestSupport
import TestFixtures
import Testing
import Yams
@testable import GethPlugin

/// The geth `el` service: its image, its start script (run for real against a stand-in `geth`), and a whole
/// snapshot run by geth that verifies.
@Suite struct GethRuntimeEmitterTests {
    static let fixtures = TestFixtures.root

    static func context(gasLimit: UInt64? = 60_000_000, fork: ConsensusFork = .fulu) -> RuntimeContext {
        var snapshot = SnapshotFixture.runtimeSnapshot(executionClient: "geth", consensusClient: "stub-cl")
        snapshot.gasLimit = gasLimit
        snapshot.fork = fork
        return RuntimeContext(snapshot: snapshot, role: .execution, image: GethRuntimeEmitter.defaultImage, feeRecipient: RuntimeOptions.defaultFeeRecipient)
    }

    @Test func isARuntimePlugin() throws {
        let registry = try PluginRegistry([GethPlugin()])
        let plugin = try registry.plugin(id: "geth", layer: .execution)
        #expect(plugin.roles.contains(.runtime))
        #expect((plugin as? any RuntimeClientPlugin)?.runtimeEmitters.map(\.role) == [.execution])
    }

    @Test func defaultImageIsAPinnedReleaseUpToFulu() throws {
        let emitter = GethRuntimeEmitter()
        for fork in [ConsensusFork.electra, .fulu] {
            #expect(try emitter.defaultImage(for: Self.context(fork: fork).snapshot) == "ethereum/client-go:v1.17.5")
        }
        #expect(ImageReference.isPinned(GethRuntimeEmitter.defaultImage))
        #expect { try emitter.defaultImage(for: Self.context(fork: .gloas).snapshot) } throws: { error in
            (error as? RuntimeError)?.description.contains("geth cannot run this snapshot: its genesis is in gloas") == true
        }
    }

    @Test func serviceInitialisesFromTheSnapshotGenesis() throws {
        let service = GethRuntimeEmitter().service(Self.context())
        #expect(service.entrypoint == ["/bin/sh", "-c"])
        #expect(service.snapshotFolders == ["el"])
        #expect(service.healthcheck?.command == ["geth", "attach", "--exec", "eth.blockNumber", "http://127.0.0.1:8545"])
        let script = try #require(service.command.first)
        #expect(service.command.count == 1)
        let lines = script.split(separator: "\n").map(String.init)
        #expect(lines.prefix(3) == [
            "set -e", "geth init --datadir=/runtime/el --cache.preimages /snapshot/el/genesis.json", "exec geth \\",
        ])
    }

    /// The script run by sh as the container runs it, with a `geth` that records its arguments.
    @Test func scriptRunsGethInitThenGeth() async throws {
        let bin = FileManager.default.temporaryDirectory.appendingPathComponent("geth-bin-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: bin) }
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let log = bin.appendingPathComponent("calls")
        let geth = bin.appendingPathComponent("geth")
        try Data("#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done >>'\(log.path)'\necho --- >>'\(log.path)'\n".utf8).write(to: geth)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: geth.path)

        let script = try #require(GethRuntimeEmitter().service(Self.context()).command.first)
        let result = try await Subprocess("/bin/sh", environment: ["PATH": "\(bin.path):/usr/bin:/bin"]).run(["-c", script])
        #expect(result.succeeded, "\(result.stderrText)")
        let calls = try String(contentsOf: log, encoding: .utf8).components(separatedBy: "---\n").dropLast()
            .map { $0.split(separator: "\n").map(String.init) }
        #expect(calls.count == 2)
        #expect(calls.first == ["init", "--datadir=/runtime/el", "--cache.preimages", "/snapshot/el/genesis.json"])
        #expect(calls.last == [
            "--datadir=/runtime/el", "--networkid=3151908", "--syncmode=full", "--cache.preimages",
            "--http", "--http.addr=0.0.0.0", "--http.port=8545", "--http.vhosts=localhost,127.0.0.1,el",
            "--http.corsdomain=http://localhost,http://localhost:*,http://127.0.0.1,http://127.0.0.1:*",
            "--http.api=eth,net,web3,txpool,debug",
            "--ws", "--ws.addr=0.0.0.0", "--ws.port=8546", "--ws.origins=http://localhost,http://127.0.0.1",
            "--ws.api=eth,net,web3,txpool,debug",
            "--authrpc.addr=0.0.0.0", "--authrpc.port=8551", "--authrpc.vhosts=*", "--authrpc.jwtsecret=/runtime/jwt.hex",
            "--nodiscover", "--maxpeers=0", "--rpc.allow-unprotected-txs", "--miner.gaslimit=60000000",
        ])
    }

    @Test func gasLimitFlagOnlyWhenKnown() throws {
        let script = try #require(GethRuntimeEmitter().service(Self.context(gasLimit: nil)).command.first)
        #expect(!script.contains("--miner.gaslimit"))
    }

    @Test(.enabled(
        if: (try? Subprocess("shellcheck").resolveExecutable()) != nil,
        "needs shellcheck (apt-get install shellcheck; .ci/run installs it)"))
    func scriptPassesShellcheck() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("geth-start-\(UUID().uuidString).sh")
        defer { try? FileManager.default.removeItem(at: file) }
        let script = try #require(GethRuntimeEmitter().service(Self.context()).command.first)
        try Data(("#!/bin/sh\n" + script).utf8).write(to: file)
        let result = try await Subprocess("shellcheck").run(["--shell=sh", file.path])
        #expect(result.succeeded, "\(result.stdoutText)")
    }

    /// A snapshot whose `el` is geth: the compose file carries the script as one literal block and the snapshot
    /// verifies.
    @Test func snapshotRunByGethVerifies() throws {
        let folder = try SnapshotFixture.build(
            fixtures: Self.fixtures, registry: PluginRegistry([GethPlugin(), StubConsensusRuntimePlugin()]),
            executionClient: "geth", consensusClient: "stub-cl")
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try SnapshotVerifier(folder: folder).run()
        #expect(report.ok, "\(report.failures)")
        let text = try String(contentsOf: folder.appendingPathComponent("docker-compose.yml"), encoding: .utf8)
        let el = try #require(try Yams.compose(yaml: text)?["services"]?["el"])
        #expect(el["image"]?.string == "ethereum/client-go:v1.17.5")
        #expect(el["command"]?.sequence?.first?.string == GethRuntimeEmitter().service(Self.context()).command.first)
        #expect(text.contains("    command:\n    - |\n      set -e\n      geth init"))
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("**geth** is initialised from `el/genesis.json`"))
    }
}
