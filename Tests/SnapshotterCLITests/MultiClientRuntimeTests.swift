import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing

/// Any source client → any runtime client: `--runtime-el`, `--el-image`, `--cl-image`, `--port-offset`.
@Suite struct MultiClientRuntimeTests {
    /// A snapshot of a geth node run by Besu, Nethermind or Reth: the compose file defines that client's service, and
    /// `snapshotter verify` passes.
    @Test(arguments: [("besu", "hyperledger/besu:26.8.0"), ("nethermind", "nethermind/nethermind:1.39.2"),
                      ("reth", "ghcr.io/paradigmxyz/reth:v2.4.1")])
    func aGethSnapshotRunsOnAnotherClient(_ client: String, _ image: String) async throws {
        let node = try FakeTracingNode.geth(chain: .fixture(), ranges: .init())
        let genesisDir = try MultiClient.genesisDirectory(for: node.chain)
        let out = MultiClient.outputFolder()
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: genesisDir) }
        let result = try await MultiClient.create(node, genesisDir: genesisDir, out: out, ["--runtime-el", client, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = out.appendingPathComponent("snap")
        try await MultiClient.expectSnapshotOfHead(folder, node: node, runtimeClient: client, image: image)
        #expect(try MultiClient.metadata(folder).source.elClient == "geth")
        let compose = try String(contentsOf: folder.appendingPathComponent("docker-compose.yml"), encoding: .utf8)
        #expect(compose.contains("      target: /snapshot/el\n      read_only: true"))
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("**\(client)**"))
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((summary["runtime"] as? [String: Any]).flatMap { $0["el"] as? [String: String] } == ["client": client, "image": image])
    }

    /// `--runtime-cl teku`: the keys take Teku's layout, the compose file runs Teku's beacon node and validator client
    /// and gives `init` Teku's user for the keys, and `snapshotter verify` passes; the same node with
    /// `--runtime-cl lighthouse` verifies too.
    @Test(arguments: [("teku", "consensys/teku:26.8.0"), ("lighthouse", "sigp/lighthouse:v8.2.2")])
    func aSnapshotRunsOnEitherConsensusClient(_ client: String, _ image: String) async throws {
        let node = try FakeTracingNode.geth(chain: .fixture(), ranges: .init())
        let genesisDir = try MultiClient.genesisDirectory(for: node.chain)
        let out = MultiClient.outputFolder()
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: genesisDir) }
        let result = try await MultiClient.create(node, genesisDir: genesisDir, out: out, ["--runtime-cl", client, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = out.appendingPathComponent("snap")
        let metadata = try MultiClient.metadata(folder)
        #expect(metadata.cl?.client == client && metadata.runtime?["cl"]?["image"]?.stringValue == image)
        let compose = try String(contentsOf: folder.appendingPathComponent("docker-compose.yml"), encoding: .utf8)
        #expect(compose.contains("VALIDATORS_OWNER") == (client == "teku"))
        #expect(try await CLI.run(["verify", folder.path]).status == 0)
    }

    /// Images and ports chosen on the command line end up in the compose file and the metadata.
    @Test func imagesAndPortOffset() async throws {
        let node = try FakeTracingNode.nethermind(chain: .fixture())
        let genesisDir = try MultiClient.genesisDirectory(for: node.chain)
        let out = MultiClient.outputFolder()
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: genesisDir) }
        let result = try await MultiClient.create(node, genesisDir: genesisDir, out: out, [
            "--el-image", "example/nethermind:1.99.0", "--cl-image", "example/lighthouse:v9.0.0", "--port-offset", "100", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = out.appendingPathComponent("snap")
        let compose = try String(contentsOf: folder.appendingPathComponent("docker-compose.yml"), encoding: .utf8)
        #expect(compose.contains("image: \"example/nethermind:1.99.0\"") && compose.contains("image: \"example/lighthouse:v9.0.0\""))
        #expect(compose.contains("\"127.0.0.1:8645:8545\"") && compose.contains("\"127.0.0.1:4100:4000\""))
        let metadata = try MultiClient.metadata(folder)
        #expect(metadata.runtime?["cl"]?["image"]?.stringValue == "example/lighthouse:v9.0.0")
        #expect(try await CLI.run(["verify", folder.path]).status == 0)
    }

    /// Bad runtime choices fail before any long work: exit 2, nothing written.
    @Test func badRuntimeChoicesExitWithTwo() async throws {
        let node = try FakeTracingNode.nethermind(chain: .fixture())
        let genesisDir = try MultiClient.genesisDirectory(for: node.chain)
        let out = MultiClient.outputFolder()
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: genesisDir) }
        let unknown = try await MultiClient.create(node, genesisDir: genesisDir, out: out, ["--runtime-el", "erigon"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no execution client 'erigon' can run a snapshot; runtime execution clients: geth, besu, nethermind, reth"),
                "\(unknown.stderr)")
        #expect(node.server.requestCount(for: "eth_getProof") == 0)
        let latest = try await MultiClient.create(node, genesisDir: genesisDir, out: out, ["--el-image", "nethermind/nethermind:latest"])
        #expect(latest.status == 2 && latest.stderr.contains("--el-image \"nethermind/nethermind:latest\" is not pinned"), "\(latest.stderr)")
        let ports = try await MultiClient.create(node, genesisDir: genesisDir, out: out, ["--port-offset", "60000"])
        #expect(ports.status == 2 && ports.stderr.contains("--port-offset must be 0 … 56989"), "\(ports.stderr)")
        #expect(MultiClient.entries(out).isEmpty)
    }

    /// The source chain's slot time (the example devnet's 6 s) reaches Nethermind, which times payload building by it.
    @Test func nethermindRunsAtTheSnapshotSlotTime() async throws {
        let out = MultiClient.outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try await CLI.run(["create", "--from-dump", CreateFromDumpTests.dump.path, "--genesis-dir",
                                        CreateFromDumpTests.genesisDir.path, "--runtime-el", "nethermind", "--out", out.path,
                                        "--name", "dump", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let compose = try String(contentsOf: out.appendingPathComponent("dump/docker-compose.yml"), encoding: .utf8)
        #expect(compose.contains("    - --Blocks.SecondsPerSlot=6\n"))
    }

    /// A state dump has no source client: geth runs it unless told otherwise.
    @Test func aDumpRunsOnGethByDefault() async throws {
        let out = MultiClient.outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try await CLI.run(["create", "--from-dump", CreateFromDumpTests.dump.path, "--genesis-dir",
                                               CreateFromDumpTests.genesisDir.path, "--out", out.path, "--name", "dump", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let metadata = try MultiClient.metadata(out.appendingPathComponent("dump"))
        #expect(metadata.el.runtimeClient == "geth" && metadata.runtime?["el"]?["image"]?.stringValue == "ethereum/client-go:v1.17.5")
    }
}

/// `snapshotter plugins` lists what each execution plugin reads with, in the order `create` tries them, and that
/// every one can run a snapshot.
@Suite struct MultiClientPluginsTests {
    @Test func everyExecutionClientReadsAndRuns() async throws {
        let result = try await CLI.run(["plugins", "--json"])
        #expect(result.status == 0)
        let plugins = try #require((try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])?["plugins"] as? [[String: Any]])
        let sources = Dictionary(uniqueKeysWithValues: plugins.filter { $0["layer"] as? String == "execution" }.map { plugin in
            (plugin["id"] as? String ?? "", (plugin["stateSources"] as? [[String: Any]] ?? []).compactMap { $0["option"] as? String })
        })
        #expect(sources["geth"] == ["range", "universal"] && sources["besu"] == ["range", "universal"] && sources["nethermind"] == ["universal"])
        for id in ["geth", "besu", "nethermind"] {
            let plugin = try #require(plugins.first { $0["id"] as? String == id })
            #expect(plugin["roles"] as? [String] == ["state-source", "runtime"] && plugin["runtimeServices"] as? [String] == ["execution"])
        }
    }
}
