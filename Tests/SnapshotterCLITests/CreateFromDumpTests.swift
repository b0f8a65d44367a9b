import Foundation
import SnapshotKit
import Testing

/// `snapshotter create --from-dump` on the bundled example, run as a user runs it. One test at a time: each runs
/// the binary, which builds a consensus genesis too.
@Suite(.serialized) struct CreateFromDumpTests {
    /// The repository's `Examples/devnet-dump`, found from this source file.
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples/devnet-dump")
    static let dump = example.appendingPathComponent("state.jsonl")
    static let genesisDir = example.appendingPathComponent("genesis")

    private func outputFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("create-cli-\(UUID().uuidString)")
    }

    private func entries(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test func snapshotsTheExampleAndVerifiesIt() async throws {
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try await CLI.run(["create", "--from-dump", Self.dump.path, "--genesis-dir", Self.genesisDir.path, "--out", out.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let root = try DumpStateSource.root(of: Self.dump)

        let names = entries(out)
        #expect(names.count == 1)
        let name = try #require(names.first)
        #expect(name.range(of: #"^state-0-\d{8}T\d{6}Z$"#, options: .regularExpression) != nil, "default name \(name)")
        let folder = out.appendingPathComponent(name)
        #expect(summary["path"] as? String == folder.path)
        #expect(summary["accounts"] as? Int == 3015)
        #expect(summary["contracts"] as? Int == 11)
        #expect(summary["storageSlots"] as? Int == 612)
        #expect(summary["stateRoot"] as? String == Hex.encode(root))
        #expect(summary["verified"] as? Bool == true)
        #expect(summary["seconds"] as? Double != nil)
        let phases = try #require(summary["phases"] as? [String: Double])
        #expect(Set(phases.keys) == ["state", "source files", "consensus", "runtime", "metadata", "verification"])
        #expect(phases.values.allSatisfy { $0 >= 0 })
        #expect((summary["droppedForks"] as? [String])?.isEmpty == true)

        let genesis = try GenesisFile(contentsOf: folder.appendingPathComponent("el/genesis.json"))
        #expect(genesis.stateRoot() == root, "the new genesis carries exactly the dumped state")
        #expect(genesis.alloc.count == 3015)
        #expect(Hex.encode(genesis.header().hash()) == summary["genesisHash"] as? String)

        let metadata = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("metadata.json"))) as? [String: Any])
        #expect(Set(metadata.keys) == ["tool", "createdAt", "source", "state", "el", "cl", "runtime", "files"])
        let source = try #require(metadata["source"] as? [String: Any])
        #expect(Set(source.keys) == ["enclave", "rpcUrl", "elClient", "clientVersion", "chainId", "blockNumber", "blockHash", "stateRoot"])
        #expect(source["chainId"] as? Int == 3_151_908 && source["blockNumber"] as? Int == 0)
        #expect(source["stateRoot"] as? String == Hex.encode(root) && source["enclave"] is NSNull)
        let state = try #require(metadata["state"] as? [String: Any])
        #expect(state["accounts"] as? Int == 3015 && state["contracts"] as? Int == 11 && state["storageSlots"] as? Int == 612)
        let el = try #require(metadata["el"] as? [String: Any])
        #expect(el["stateRoot"] as? String == Hex.encode(root) && el["genesisHash"] as? String == summary["genesisHash"] as? String)
        // The consensus side, from the example's config.yaml and mnemonics.yaml: case (a) of the cl-genesis vectors,
        // whose genesis_validators_root the consensus-specs executable spec computed.
        let cl = try #require(metadata["cl"] as? [String: Any])
        #expect(cl["client"] as? String == "lighthouse" && cl["fork"] as? String == "fulu" && cl["preset"] as? String == "minimal")
        #expect(cl["validators"] as? Int == 8)
        #expect(cl["genesisValidatorsRoot"] as? String == "0x62ecffc2ce15abf29c7652e4243290d047429d547cab12767c5eca68fa847055")
        let files = try #require(metadata["files"] as? [String: String])
        #expect(Set(files.keys).isSuperset(of: ["el/genesis.json", "source/config.yaml", "source/mnemonics.yaml", "cl/config.yaml",
                                                 "cl/genesis.ssz", "cl/deposit_contract_block.txt", "cl/deploy_block.txt"]))
        #expect(files.keys.filter { $0.hasPrefix("validators/keys/") }.count == 8)
        #expect(files.keys.filter { $0.hasPrefix("validators/secrets/") }.count == 8)
        #expect(Set(files.keys).isSuperset(of: ["docker-compose.yml", "up.sh", "down.sh", "runtime/init.sh", "README.md"]))
        #expect(files.count == 28)
        for (path, digest) in files {
            #expect(try FileDigests.sha256(of: folder.appendingPathComponent(path)) == digest, "\(path)")
        }
        #expect(try Data(contentsOf: folder.appendingPathComponent("source/mnemonics.yaml")) ==
                Data(contentsOf: Self.genesisDir.appendingPathComponent("mnemonics.yaml")))
    }

    @Test func createIsTheDefaultCommandAndTheTextSummaryNamesTheFolder() async throws {
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try await CLI.run(["--from-dump", Self.dump.path, "--genesis-dir", Self.genesisDir.path, "--out", out.path, "--name", "example"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(entries(out) == ["example"])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("snapshot ") && $0.hasSuffix(out.appendingPathComponent("example").path) })
        #expect(lines.contains("accounts          3,015"))
        #expect(lines.contains { $0.hasPrefix("verified") && $0.contains("yes") })
        #expect(lines.contains { $0.hasPrefix("phases            state ") && $0.contains(" accounts/s, ") && $0.contains("· verification ") })
        #expect(result.stderr.contains("accounts 3,015"), "progress goes to stderr")
        #expect(!result.stdout.contains("(/s)") && !result.stdout.contains("writing metadata.json"), "and never to stdout")

        let again = try await CLI.run(["--from-dump", Self.dump.path, "--genesis-dir", Self.genesisDir.path, "--out", out.path, "--name", "example", "--quiet"])
        #expect(again.status == 2)
        #expect(again.stderr.hasPrefix("error: ") && again.stderr.contains("already exists"))
        #expect(entries(out) == ["example"])
    }

    /// One account fewer than the root line promises: exit 3, the reason on one line, and no folder at all.
    @Test func aStateThatDoesNotMatchItsRootWritesNothing() async throws {
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        var lines = try String(contentsOf: Self.dump, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        lines.remove(at: 1500)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let short = out.appendingPathComponent("short.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: short)

        let result = try await CLI.run(["create", "--from-dump", short.path, "--genesis-dir", Self.genesisDir.path, "--out", out.path, "--quiet"])
        #expect(result.status == 3)
        #expect(result.stdout.isEmpty)
        let errorLines = result.stderr.split(separator: "\n")
        #expect(errorLines.count == 1 && errorLines[0].hasPrefix("error: the extracted state is incomplete"))
        #expect(result.stderr.contains(Hex.encode(try DumpStateSource.root(of: Self.dump))))
        #expect(result.stderr.contains("3014 accounts") && result.stderr.contains("preimages"))
        #expect(entries(out) == ["short.jsonl"], "no snapshot folder and no partial folder")
    }

    @Test(arguments: [
        ([], "name what to snapshot"),
        (["--from-dump", "x.jsonl"], "needs --genesis-dir"),
        (["--rpc-url", "http://127.0.0.1:1", "--from-dump", "x"], "exclude each other"),
        (["--rpc-url", "localhost:8545", "--genesis-dir", "."], "not an http(s) URL"),
        (["--enclave", "e", "--block", "tomorrow"], "--block \"tomorrow\" is not a block"),
        (["--enclave", "e", "--concurrency", "0"], "at least 1"),
        (["--enclave", "e", "--name", "../up"], "not a plain folder name"),
        (["--enclave", "e", "--dump-block", "3"], "--dump-block goes with --from-dump"),
        (["--enclave", "e", "--no-such-flag"], "Unknown option"),
        (["--from-dump", "/nonexistent.jsonl", "--genesis-dir", "/nonexistent"], "no such folder"),
        (["--from-dump", CreateFromDumpTests.dump.path, "--genesis-dir", CreateFromDumpTests.genesisDir.path, "--cl", "prysm"], "unknown consensus client 'prysm'; known consensus plugins: lighthouse, teku"),
        (["--from-dump", CreateFromDumpTests.dump.path, "--genesis-dir", CreateFromDumpTests.genesisDir.path, "--mnemonic", "not twelve words"], "mnemonic"),
        (["--from-dump", CreateFromDumpTests.dump.path, "--genesis-dir", CreateFromDumpTests.genesisDir.path, "--validators", "0"], "--validators must be at least 1"),
        (["--from-dump", CreateFromDumpTests.dump.path, "--genesis-dir", CreateFromDumpTests.genesisDir.path, "--keystore-kdf", "md5"], "md5"),
        (["--rpc-url", "http://127.0.0.1:9", "--genesis-dir", CreateFromDumpTests.genesisDir.path, "--quiet"], "cannot reach http://127.0.0.1:9"),
        (["--from-dump", CreateFromDumpTests.example.appendingPathComponent("README.md").path, "--genesis-dir", CreateFromDumpTests.genesisDir.path], "README.md line 1"),
    ] as [([String], String)])
    func badArgumentsExitWithTwo(_ arguments: [String], _ message: String) async throws {
        // Each fails before any state is read.
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try await CLI.run(["create"] + arguments + ["--out", out.path])
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.hasPrefix("error: ") && result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stdout.isEmpty)
        #expect(entries(out).isEmpty)
    }

    /// Fewer validators, from another mnemonic: the consensus side follows the flags.
    @Test func validatorFlagsReachTheConsensusGenesis() async throws {
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let mnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
        let result = try await CLI.run(["--from-dump", Self.dump.path, "--genesis-dir", Self.genesisDir.path, "--out", out.path, "--name", "four",
                                  "--validators", "4", "--mnemonic", mnemonic, "--keystore-kdf", "devnet", "--json", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let cl = try #require(summary["cl"] as? [String: Any])
        #expect(cl["validators"] as? Int == 4)
        #expect(cl["genesisValidatorsRoot"] as? String != "0x62ecffc2ce15abf29c7652e4243290d047429d547cab12767c5eca68fa847055")
        let keys = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("four/validators/keys").path)
        #expect(keys.count == 4)
    }

    @Test func helpListsTheExitCodes() async throws {
        let result = try await CLI.run(["create", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("3 the state failed") && result.stdout.contains("--from-dump"))
    }
}
