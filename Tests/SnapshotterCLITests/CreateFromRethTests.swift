import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing

/// `snapshotter create --rpc-url` against a fake Reth node: detected from its `web3_clientVersion`, read with the
/// universal source through whichever tracing call it serves, and run by Reth.
@Suite(.serialized) struct CreateFromRethTests {
    static let image = "ghcr.io/paradigmxyz/reth:v2.4.1"

    /// Reth serves both tracing calls; the source must work with either alone too. The snapshot runs on Reth (the
    /// source's client) and verifies.
    @Test(arguments: [[TraceMethod.prestateDiff, .stateDiff], [.prestateDiff], [.stateDiff]])
    func snapshotsARethNode(_ methods: [TraceMethod]) async throws {
        let node = try FakeTracingNode.reth(chain: .fixture(), traceMethods: Set(methods))
        let genesisDir = try MultiClient.genesisDirectory(for: node.chain)
        let out = MultiClient.outputFolder()
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: genesisDir) }
        let result = try await MultiClient.create(node, genesisDir: genesisDir, out: out, ["--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = out.appendingPathComponent("snap")
        try await MultiClient.expectSnapshotOfHead(folder, node: node, runtimeClient: "reth", image: Self.image)
        let metadata = try MultiClient.metadata(folder)
        #expect(metadata.source.elClient == "reth" && metadata.source.clientVersion == FakeTracingNode.rethClientVersion)
        #expect(metadata.state.source == "universal")
        #expect(node.server.requestCount(for: methods[0].methodName) == node.chain.blocks.count, "block 1 probed, then every block traced")
    }

    /// A Reth node that traces nothing is refused before any long work, with Reth's flags in the remedy.
    @Test func aRethNodeWithoutTracingIsRefusedWithItsFlags() async throws {
        let node = try FakeTracingNode.reth(chain: .fixture(), traceMethods: [])
        let genesisDir = try MultiClient.genesisDirectory(for: node.chain)
        let out = MultiClient.outputFolder()
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: genesisDir) }
        let result = try await MultiClient.create(node, genesisDir: genesisDir, out: out, ["--quiet"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: the node offers no usable tracing API"), "\(result.stderr)")
        #expect(result.stderr.contains("start reth with --http.api=eth,net,web3,debug,trace"), "\(result.stderr)")
        #expect(node.server.requestCount(for: "eth_getProof") == 0)
        #expect(MultiClient.entries(out).isEmpty)
    }
}
