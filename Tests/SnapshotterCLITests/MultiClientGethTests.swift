import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing

/// `snapshotter create --rpc-url` against geth-like nodes over the fixture chain: the range source when the node has
/// preimages, the universal one when it does not.
@Suite struct MultiClientGethTests {
    typealias A = FakeTracingChain.FixtureAddress

    /// A geth without some preimages: `debug_accountRange` comes back incomplete, the universal source takes over
    /// and the snapshot is complete; geth runs it.
    @Test func aNodeWithoutPreimagesFallsBackAndCompletes() async throws {
        let node = try FakeTracingNode.geth(chain: .fixture(), ranges: .init(missingAccountPreimages: [A.newcomer]))
        let genesisDir = try MultiClient.genesisDirectory(for: node.chain)
        let out = MultiClient.outputFolder()
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: genesisDir) }
        let result = try await MultiClient.create(node, genesisDir: genesisDir, out: out)
        #expect(result.status == 0, "\(result.stderr)")
        let fallback = MultiClient.fallbackLines(result.stderr)
        #expect(fallback.count == 1 && fallback.first?.hasPrefix("debug_accountRange was incomplete (geth has no address preimage") == true,
                "\(result.stderr)")
        #expect(fallback.first?.hasSuffix("; falling back to the universal (trace + proof) source") == true)
        let folder = out.appendingPathComponent("snap")
        try await MultiClient.expectSnapshotOfHead(folder, node: node, runtimeClient: "geth", image: "ethereum/client-go:v1.17.5")
        #expect(try MultiClient.metadata(folder).state.source == "universal")
    }

    /// `--state-source universal` skips the range even on a node that has every preimage.
    @Test func theUniversalSourceCanBeForced() async throws {
        let node = try FakeTracingNode.geth(chain: .fixture(), ranges: .init())
        let genesisDir = try MultiClient.genesisDirectory(for: node.chain)
        let out = MultiClient.outputFolder()
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: genesisDir) }
        let result = try await MultiClient.create(node, genesisDir: genesisDir, out: out, ["--state-source", "universal", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(node.server.requestCount(for: "debug_accountRange") == 0)
        #expect(try MultiClient.metadata(out.appendingPathComponent("snap")).state.source == "universal")
        let unknown = try await MultiClient.create(node, genesisDir: genesisDir, out: out, ["--state-source", "dump", "--name", "x"])
        #expect(unknown.status == 2 && unknown.stderr.contains("the geth plugin has no state source 'dump'; it has: range, universal"),
                "\(unknown.stderr)")
    }
}
