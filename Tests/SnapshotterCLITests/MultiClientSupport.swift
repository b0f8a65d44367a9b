import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing

/// What the multi-client CLI tests share: the fixture chain's genesis folder, an output folder, a run of the
/// binary against a fake node, and the snapshot folder's contents.
enum MultiClient {
    /// A `--genesis-dir` for the fixture chain: the example's config.yaml and mnemonics.yaml, and a genesis.json with
    /// the example's chain config whose alloc is the chain's genesis state (so the universal source can start from it).
    static func genesisDirectory(for chain: FakeTracingChain) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("multiclient-genesis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["config.yaml", "mnemonics.yaml"] {
            try FileManager.default.copyItem(at: CreateFromDumpTests.genesisDir.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let example = try GenesisFile(contentsOf: CreateFromDumpTests.genesisDir.appendingPathComponent("genesis.json"))
        try GenesisFile(parameters: example.parameters, alloc: chain.genesis).write(to: folder.appendingPathComponent("genesis.json"))
        return folder
    }

    static func outputFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("multiclient-out-\(UUID().uuidString)")
    }

    static func entries(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// `snapshotter create --rpc-url <node> --genesis-dir <dir> --out <out> --name snap --json <arguments>`.
    static func create(_ node: FakeTracingNode, genesisDir: URL, out: URL, _ arguments: [String] = []) async throws -> CLI.Result {
        try await CLI.run(["create", "--rpc-url", node.url.absoluteString, "--genesis-dir", genesisDir.path, "--out", out.path,
                                  "--name", "snap", "--json"] + arguments)
    }

    static func metadata(_ folder: URL) throws -> SnapshotMetadata {
        try SnapshotMetadata(json: JSONParser.parse([UInt8](Data(contentsOf: folder.appendingPathComponent("metadata.json")))))
    }

    /// Checks a finished snapshot of `node`'s head: its alloc is the head's state (root equal to the node's
    /// stateRoot), `snapshotter verify` passes, and the runtime's `el` runs `runtimeClient` with `image`.
    static func expectSnapshotOfHead(_ folder: URL, node: FakeTracingNode, runtimeClient: String, image: String) async throws {
        let head = try #require(node.chain.blocks.last)
        let genesis = try GenesisFile(contentsOf: folder.appendingPathComponent("el/genesis.json"))
        #expect(genesis.stateRoot() == head.stateRoot, "the alloc root is the node's stateRoot")
        #expect(Set(genesis.alloc.map(\.address)) == Set(try #require(head.state).keys))
        #expect(genesis.alloc.contains { $0.address == FakeTracingChain.FixtureAddress.withdrawalOnly }, "credited by withdrawals only")
        let metadata = try metadata(folder)
        #expect(metadata.el.runtimeClient == runtimeClient)
        #expect(metadata.runtime?["el"]?["client"]?.stringValue == runtimeClient && metadata.runtime?["el"]?["image"]?.stringValue == image)
        let compose = try String(contentsOf: folder.appendingPathComponent("docker-compose.yml"), encoding: .utf8)
        #expect(compose.contains("  el:\n    image: \"\(image)\"\n"))
        let verify = try await CLI.run(["verify", folder.path])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("verified: all"))
    }

    /// The lines of stderr that report a hand-over between sources.
    static func fallbackLines(_ stderr: String) -> [Substring] {
        stderr.split(separator: "\n").filter { $0.contains("; falling back to the ") }
    }
}
