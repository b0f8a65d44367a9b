import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing

/// `snapshotter create --rpc-url` against Besu-like nodes over the fixture chain.
@Suite struct MultiClientBesuTests {
    /// Bonsai (Besu's default) cannot list accounts: the universal source takes over, says so on stderr, and the
    /// snapshot is complete; Besu runs it by default.
    @Test func aBonsaiNodeIsReadWithTracesAndProofs() async throws {
        let node = try FakeTracingNode.besu(chain: .fixture(), ranges: .init(storageFormat: .bonsai))
        let genesisDir = try MultiClient.genesisDirectory(for: node.chain)
        let out = MultiClient.outputFolder()
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: genesisDir) }
        let result = try await MultiClient.create(node, genesisDir: genesisDir, out: out, ["--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let fallback = MultiClient.fallbackLines(result.stderr)
        #expect(fallback.count == 1 && fallback.first?.hasPrefix("Besu's debug_accountRange and debug_storageRangeAt was incomplete (besu answered") == true,
                "stderr says so even with --quiet: \(result.stderr)")
        #expect(fallback.first?.hasSuffix("; falling back to the universal (trace + proof) source") == true)
        let folder = out.appendingPathComponent("snap")
        try await MultiClient.expectSnapshotOfHead(folder, node: node, runtimeClient: "besu", image: "hyperledger/besu:26.8.0")
        let metadata = try MultiClient.metadata(folder)
        #expect(metadata.state.source == "universal" && metadata.source.elClient == "besu")
        #expect(metadata.source.clientVersion == FakeTracingNode.besuClientVersion)
    }

    /// Forest lists the state: no tracing, no hand-over.
    @Test func aForestNodeIsReadWithItsRanges() async throws {
        let node = try FakeTracingNode.besu(chain: .fixture(), ranges: .init(storageFormat: .forest))
        let genesisDir = try MultiClient.genesisDirectory(for: node.chain)
        let out = MultiClient.outputFolder()
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: genesisDir) }
        let result = try await MultiClient.create(node, genesisDir: genesisDir, out: out)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(MultiClient.fallbackLines(result.stderr).isEmpty)
        let folder = out.appendingPathComponent("snap")
        try await MultiClient.expectSnapshotOfHead(folder, node: node, runtimeClient: "besu", image: "hyperledger/besu:26.8.0")
        #expect(try MultiClient.metadata(folder).state.source == "debug_accountRange+debug_storageRangeAt")
        #expect(node.server.requestCount(for: "debug_traceBlockByNumber") == 0 && node.server.requestCount(for: "trace_replayBlockTransactions") == 0)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(summary["stateSource"] as? String == "debug_accountRange+debug_storageRangeAt")
        #expect(summary["stateRoot"] as? String == node.chain.blocks.last.map { Hex.encode($0.stateRoot) })
    }

    /// Bonsai and no tracing API: nothing can read the state; the error names Besu's flags, exit 2, no folder.
    @Test func aBonsaiNodeWithoutTracingNamesTheFlags() async throws {
        let node = try FakeTracingNode.besu(chain: .fixture(), ranges: .init(storageFormat: .bonsai), traceMethods: [])
        let genesisDir = try MultiClient.genesisDirectory(for: node.chain)
        let out = MultiClient.outputFolder()
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: genesisDir) }
        let result = try await MultiClient.create(node, genesisDir: genesisDir, out: out, ["--quiet"])
        #expect(result.status == 2, "\(result.stderr)")
        let error = try #require(result.stderr.split(separator: "\n").last)
        #expect(error.hasPrefix("error: the node offers no usable tracing API"))
        #expect(error.contains("--rpc-http-api=ETH,NET,WEB3,DEBUG,TRACE") && error.contains("--data-storage-format=FOREST"))
        #expect(MultiClient.entries(out).isEmpty, "no snapshot folder and no partial folder")
    }
}
