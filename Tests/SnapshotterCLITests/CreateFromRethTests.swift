import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing

/// `snapshotter create --rpc-url` against a fake Reth node: detected from its `web3_clientVersion`, read with the
/// universal source through whichever tracing call it serves.
@Suite(.serialized) struct CreateFromRethTests {
    static let clientVersion = "reth/v1.9.3-27a8c0f/x86_64-unknown-linux-gnu"

    /// Reth serves both tracing calls; the source must work with either alone too.
    @Test(arguments: [[TraceMethod.prestateDiff, .stateDiff], [.prestateDiff], [.stateDiff]])
    func snapshotsARethNode(_ methods: [TraceMethod]) async throws {
        let chain = FakeTracingChain.fixture()
        let node = try FakeTracingNode(chain: chain, configuration: .init(traceMethods: Set(methods), clientVersion: Self.clientVersion))
        let genesisDir = try chain.writeGenesisFolder(basedOn: CreateFromDumpTests.genesisDir)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("create-reth-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: genesisDir)
        }
        let result = try await CLI.run([
            "create", "--rpc-url", node.url.absoluteString, "--genesis-dir", genesisDir.path, "--out", out.path, "--name", "reth",
            "--quiet", "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = out.appendingPathComponent("reth")
        let head = node.pinnedBlock()

        let genesis = try GenesisFile(contentsOf: folder.appendingPathComponent("el/genesis.json"))
        #expect(genesis.stateRoot() == head.stateRoot, "the snapshot's alloc is the node's state at the pinned block")
        #expect(Set(genesis.alloc.map(\.address)) == Set(try #require(chain.blocks.last?.state).keys))

        let metadata = try SnapshotMetadata(json: JSONParser.parse([UInt8](Data(contentsOf: folder.appendingPathComponent("metadata.json")))))
        #expect(metadata.source.elClient == "reth" && metadata.source.clientVersion == Self.clientVersion)
        #expect(metadata.source.blockNumber == head.number && metadata.source.stateRoot == head.stateRoot)
        #expect(metadata.state.source == "universal" && metadata.state.accounts == genesis.alloc.count)
        #expect(node.server.requestCount(for: methods[0].methodName) == chain.blocks.count, "block 1 probed, then every block traced")
        // `create` does not emit the runtime yet: the state, genesis and key checks must hold.
        let report = try SnapshotVerifier(folder: folder).run()
        let stateChecks = report.checks.filter { !$0.name.hasPrefix("compose.") && !$0.name.hasPrefix("runtime.") }
        #expect(stateChecks.count == 6 && stateChecks.allSatisfy(\.ok), "\(report.failures)")
    }

    /// A Reth node that traces nothing is refused before any long work, with Reth's flags in the remedy.
    @Test func aRethNodeWithoutTracingIsRefusedWithItsFlags() async throws {
        let chain = FakeTracingChain.fixture()
        let node = try FakeTracingNode(chain: chain, configuration: .init(traceMethods: [], clientVersion: Self.clientVersion))
        let genesisDir = try chain.writeGenesisFolder(basedOn: CreateFromDumpTests.genesisDir)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("create-reth-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: genesisDir)
        }
        let result = try await CLI.run([
            "create", "--rpc-url", node.url.absoluteString, "--genesis-dir", genesisDir.path, "--out", out.path, "--quiet",
        ])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: the node offers no usable tracing API"))
        #expect(result.stderr.contains("start reth with --http.api=eth,net,web3,debug,trace"), "\(result.stderr)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).isEmpty)
    }
}
