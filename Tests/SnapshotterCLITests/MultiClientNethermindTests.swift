import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing

/// `snapshotter create --rpc-url` against Nethermind-like nodes over the fixture chain.
@Suite struct MultiClientNethermindTests {
    /// Nethermind has no range method: the universal source reads it (here through `trace_replayBlockTransactions`),
    /// tracing progress shows blocks per second, and Nethermind runs the snapshot by default.
    @Test func aNethermindNodeIsReadWithTracesAndProofs() async throws {
        let node = try FakeTracingNode.nethermind(chain: .fixture(), traceMethods: [.stateDiff])
        let genesisDir = try MultiClient.genesisDirectory(for: node.chain)
        let out = MultiClient.outputFolder()
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: genesisDir) }
        let result = try await MultiClient.create(node, genesisDir: genesisDir, out: out)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(MultiClient.fallbackLines(result.stderr).isEmpty)
        #expect(result.stderr.range(of: #"tracing blocks 5 \([0-9,]+/s\)"#, options: .regularExpression) != nil, "\(result.stderr)")
        let folder = out.appendingPathComponent("snap")
        try await MultiClient.expectSnapshotOfHead(folder, node: node, runtimeClient: "nethermind", image: "nethermind/nethermind:1.39.2")
        let metadata = try MultiClient.metadata(folder)
        #expect(metadata.state.source == "universal" && metadata.source.elClient == "nethermind")
    }

    /// A node without the debug and trace modules, and one that pruned the state tracing needs: exit 2 with the
    /// flags that provide them, nothing written.
    @Test(arguments: ["no tracing", "pruned"])
    func aNodeLackingAFeatureIsTold(_ lack: String) async throws {
        let node = lack == "pruned"
            ? try FakeTracingNode.nethermind(chain: .fixture(), untraceableBlocks: [1])
            : try FakeTracingNode.nethermind(chain: .fixture(), traceMethods: [])
        let genesisDir = try MultiClient.genesisDirectory(for: node.chain)
        let out = MultiClient.outputFolder()
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: genesisDir) }
        let result = try await MultiClient.create(node, genesisDir: genesisDir, out: out, ["--quiet"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: the node offers no usable tracing API") && result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("--JsonRpc.EnabledModules=") && result.stderr.contains("--Pruning.Mode=None"))
        #expect(MultiClient.entries(out).isEmpty, "no snapshot folder and no partial folder")
        #expect(node.server.requestCount(for: "eth_getProof") <= 1, "the requirement check comes before any long work")
    }
}
