import Foundation
import GethPlugin
import LighthousePlugin
import SnapshotKit
import SnapshotTestSupport
import Testing

/// `SnapshotPipeline` as a Swift user calls it (the example in docs/architecture.md): a node, its genesis files, a
/// pinned block, the plugin's state sources, three stages — and a verified snapshot folder.
@Suite struct LibraryUsageTests {
    @Test func aSwiftUserSnapshotsANodeInTenLines() async throws {
        let chain = try GethCreateTests.chain()
        let node = try FakeGethNode(chain: chain)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("library-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }

        // The example, line for line.
        let rpc = JSONRPCClient(endpoint: node.url)
        let files = try SourceGenesisFiles(folder: GethCreateTests.genesisDir)
        let genesis = try GenesisFile(contentsOf: files.genesis)
        let block = try await BlockPinner(rpc: rpc).pin(.latest)
        let sources = try GethPlugin().makeStateSources(.init(rpc: rpc, originalGenesis: genesis, preference: nil))
        let pipeline = SnapshotPipeline(
            execution: ExecutionGenesisStep(sources: sources),
            consensus: ConsensusGenesisStep(client: "lighthouse", provider: LighthousePlugin()),
            runtime: RuntimeStep(writer: RuntimeWriter(registry: try PluginRegistry([GethPlugin(), LighthousePlugin()])),
                                 executionClient: "geth"))
        let request = SnapshotRequest(block: block, files: files, genesis: genesis, rpcURL: rpc.endpoint.absoluteString)
        let snapshot = try await pipeline.run(request, in: try SnapshotWorkspace(outputFolder: out, name: "devnet"))

        #expect(snapshot.folder == out.appendingPathComponent("devnet", isDirectory: true))
        #expect(snapshot.execution.state.stateRoot == chain.head.header.stateRoot)
        #expect(snapshot.metadata.source.blockHash == chain.head.header.hash)
        #expect(snapshot.consensus.client == "lighthouse" && snapshot.runtime.executionClient == "geth")
        let report = try SnapshotVerifier(folder: snapshot.folder).run()
        #expect(report.ok, "\(report.failures)")
    }
}
