import Foundation
import SnapshotKit
import SnapshotTestSupport
import TestFixtures
import Testing

/// `snapshotter create --rpc-url` and `--enclave` against a fake geth node (in this process) and a stub `kurtosis`.
/// One test at a time: each runs the binary, and the fake nodes share this process with every other suite.
@Suite(.serialized) struct CreateFromNodeTests {
    static let genesisDir = CreateFromDumpTests.genesisDir
    static let kurtosisFixtures = TestFixtures.root.appendingPathComponent("kurtosis")

    /// A devnet that started from the example genesis, then funded 500 accounts and deployed two contracts
    /// (block 1), then changed one of them and removed an account (block 2). Finalized at block 1.
    static func chain() throws -> FakeExecutionChain {
        let genesis = try GenesisFile(contentsOf: genesisDir.appendingPathComponent("genesis.json"))
        var chain = FakeExecutionChain(
            genesis: genesis.alloc, chainID: 3_151_908, timestamp: genesis.parameters.timestamp,
            gasLimit: genesis.parameters.gasLimit, baseFeePerGas: genesis.parameters.baseFeePerGas)
        let funded = FakeAccounts.externallyOwned(count: 500, seed: "create-cli")
        let token = FakeAccounts.contract(seed: "token", slots: 300)
        chain.appendBlock(changing: funded + [token, FakeAccounts.contract(seed: "vault", slots: 20)])
        var changed = token
        changed.storage[[UInt8](repeating: 0, count: 32)] = UInt256(42)
        chain.appendBlock(changing: [changed], deleting: [funded[0].address])
        chain.finalizedNumber = 1
        chain.safeNumber = 1
        return chain
    }

    private func outputFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("create-node-\(UUID().uuidString)")
    }

    private func entries(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    private func metadata(_ folder: URL) throws -> SnapshotMetadata {
        try SnapshotMetadata(json: JSONParser.parse([UInt8](Data(contentsOf: folder.appendingPathComponent("metadata.json")))))
    }

    private func create(_ node: FakeGethNode, _ arguments: [String], out: URL) async throws -> CLI.Result {
        try await CLI.run(["create", "--rpc-url", node.url.absoluteString, "--genesis-dir", Self.genesisDir.path, "--out", out.path,
                     "--quiet"] + arguments)
    }

    @Test func snapshotsTheHeadOfANode() async throws {
        let chain = try Self.chain()
        let node = try FakeGethNode(chain: chain)
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try await create(node, ["--json", "--concurrency", "4"], out: out)
        #expect(result.status == 0, "\(result.stderr)")
        let head = chain.head.header
        let name = try #require(entries(out).first)
        #expect(name.hasPrefix("127.0.0.1-2-"))
        let folder = out.appendingPathComponent(name)

        let genesis = try GenesisFile(contentsOf: folder.appendingPathComponent("el/genesis.json"))
        #expect(genesis.stateRoot() == head.stateRoot)
        #expect(genesis.alloc.count == chain.head.state.accounts.count)
        let token = try #require(genesis.alloc.first { $0.address == FakeAccounts.contract(seed: "token", slots: 300).address })
        #expect(token.storage[[UInt8](repeating: 0, count: 32)] == UInt256(42), "block 2's change")
        #expect(genesis.parameters.timestamp == head.timestamp && genesis.parameters.extraData == head.extraData)
        #expect(genesis.parameters.gasLimit == head.gasLimit && genesis.parameters.number == 0)

        let metadata = try metadata(folder)
        #expect(metadata.source == .init(
            enclave: nil, rpcURL: node.url.absoluteString, elClient: "geth", clientVersion: FakeGethNode.defaultClientVersion,
            chainId: 3_151_908, blockNumber: 2, blockHash: head.hash, stateRoot: head.stateRoot))
        #expect(metadata.state == .init(source: "debug_accountRange", accounts: 509, contracts: 7, storageSlots: 33 + 300 + 20))
        #expect(metadata.el.stateRoot == head.stateRoot && metadata.el.genesisHash == genesis.header().hash())
        #expect(metadata.cl?.client == "lighthouse" && metadata.cl?.validators == 8)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(summary["blockHash"] as? String == Hex.encode(head.hash) && summary["elClient"] as? String == "geth")
        #expect(node.requestCount(for: "debug_dumpBlock") == 0)
    }

    @Test(arguments: ["1", "finalized", "safe", "hash"])
    func pinsTheBlockAskedFor(_ selector: String) async throws {
        let chain = try Self.chain()
        let node = try FakeGethNode(chain: chain)
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let block = chain.blocks[1].header
        let result = try await create(node, ["--block", selector == "hash" ? Hex.encode(block.hash) : selector, "--name", "one"], out: out)
        #expect(result.status == 0, "\(result.stderr)")
        let genesis = try GenesisFile(contentsOf: out.appendingPathComponent("one/el/genesis.json"))
        #expect(genesis.stateRoot() == block.stateRoot && block.stateRoot != chain.head.header.stateRoot)
        #expect(try metadata(out.appendingPathComponent("one")).source.blockHash == block.hash)
    }

    /// geth without preimages, read with the range source alone: the state cannot be complete, so exit 3 and nothing
    /// written. (By default the universal source would take over; see MultiClientGethTests.)
    @Test func aNodeWithoutPreimagesFailsVerification() async throws {
        let chain = try Self.chain()
        let missing = chain.head.state.accounts[100].address
        let node = try FakeGethNode(chain: chain, knobs: .init(missingAccountPreimages: [missing]))
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try await create(node, ["--state-source", "range"], out: out)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: ") && result.stderr.contains("preimage"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(entries(out).isEmpty, "no snapshot folder and no partial folder")
    }

    @Test func nodeProblemsExitWithTwo() async throws {
        let chain = try Self.chain()
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }

        let noDebug = try FakeGethNode(chain: chain, knobs: .init(debugAPIEnabled: false))
        let debug = try await create(noDebug, [], out: out)
        #expect(debug.status == 2 && debug.stderr.contains("--http.api"), "\(debug.stderr)")

        let erigon = try FakeGethNode(chain: chain, knobs: .init(clientVersion: "erigon/3.0.0/linux-amd64/go1.23"))
        let unknown = try await create(erigon, [], out: out)
        #expect(unknown.status == 2 && unknown.stderr.contains("known execution plugins: geth, besu, nethermind"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("pass --el"))
        let forced = try await create(erigon, ["--el", "geth", "--name", "forced"], out: out)
        #expect(forced.status == 0, "--el skips detection: \(forced.stderr)")
        let consensus = try await create(erigon, ["--el", "lighthouse"], out: out)
        #expect(consensus.status == 2 && consensus.stderr.contains("unknown execution client 'lighthouse'; known execution plugins: geth, besu, nethermind"),
                "\(consensus.stderr)")

        var otherChain = chain
        otherChain.chainID = 1
        let wrongChain = try await create(try FakeGethNode(chain: otherChain), [], out: out)
        #expect(wrongChain.status == 2 && wrongChain.stderr.contains("chain id 3151908 but the node serves chain id 1"), "\(wrongChain.stderr)")

        let future = try await create(try FakeGethNode(chain: chain), ["--block", "99"], out: out)
        #expect(future.status == 2 && future.stderr.contains("no block 99 (its head is block 2)"), "\(future.stderr)")
        var unfinalized = chain
        unfinalized.finalizedNumber = nil
        let finalized = try await create(try FakeGethNode(chain: unfinalized), ["--block", "finalized"], out: out)
        #expect(finalized.status == 2 && finalized.stderr.contains("no finalized block yet"), "\(finalized.stderr)")
        #expect(entries(out) == ["forced"])
    }

    // MARK: - Through Kurtosis

    private func kurtosisFixture(_ name: String) throws -> String {
        try String(contentsOf: Self.kurtosisFixtures.appendingPathComponent(name), encoding: .utf8)
    }

    /// The recorded `devnet` enclave, its EL's rpc port pointing at `node`, and its genesis artefact holding the
    /// example's genesis files.
    private func devnet(_ node: FakeGethNode) throws -> StubKurtosis {
        typealias Rule = StubKurtosis.Rule
        let noJSON = "Error: unknown shorthand flag: 'o' in -o\n"
        return try StubKurtosis([
            Rule(["enclave", "ls"], stdout: try kurtosisFixture("enclave-ls.txt")),
            Rule(["enclave", "inspect", "--", "devnet"], stdout: try kurtosisFixture("enclave-inspect-devnet.txt")),
            Rule(["service", "inspect", "-o", "json", "--", "devnet", "el-1-geth-lighthouse"],
                 stdout: try kurtosisFixture("service-inspect-el-1-geth-lighthouse.json")),
            Rule(["service", "inspect", "-o", "json", "--", "devnet", "*"], stderr: noJSON, exitCode: 1),
            Rule(["port", "print", "--", "devnet", "el-1-geth-lighthouse", "rpc"], stdout: "127.0.0.1:\(node.url.port!)\n"),
            Rule(["port", "print", "--", "devnet", "el-2-erigon-lighthouse", "ws-rpc"], stdout: "127.0.0.1:9\n"),
            Rule(["port", "print", "--", "devnet", "*", "http"], stdout: "http://127.0.0.1:9\n"),
            .filesDownload(enclave: "devnet", artifact: EnclaveDiscovery.genesisArtifact, copying: Self.genesisDir),
        ])
    }

    private func environment(path: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = path
        return environment
    }

    @Test func snapshotsAnEnclave() async throws {
        let chain = try Self.chain()
        let node = try FakeGethNode(chain: chain)
        let stub = try devnet(node)
        defer { stub.remove() }
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try await CLI.run(["create", "--enclave", "devnet", "--out", out.path, "--quiet"], environment: environment(path: stub.path))
        #expect(result.status == 0, "\(result.stderr)")
        let name = try #require(entries(out).first)
        #expect(name.hasPrefix("devnet-2-"))
        let folder = out.appendingPathComponent(name)
        let metadata = try metadata(folder)
        #expect(metadata.source.enclave == "devnet" && metadata.source.elClient == "geth")
        #expect(metadata.source.rpcURL == "http://127.0.0.1:\(node.url.port!)")
        #expect(metadata.cl?.client == "lighthouse")
        #expect(try GenesisFile(contentsOf: folder.appendingPathComponent("el/genesis.json")).stateRoot() == chain.head.header.stateRoot)
        #expect(try Data(contentsOf: folder.appendingPathComponent("source/config.yaml")) ==
                Data(contentsOf: Self.genesisDir.appendingPathComponent("config.yaml")))
        #expect(!metadata.files.contains { $0.path.contains(EnclaveDiscovery.genesisArtifact) }, "the download stays out of the snapshot")
        #expect(stub.calls.contains { $0.hasPrefix("files download -- devnet el_cl_genesis_data ") })
    }

    @Test func kurtosisProblemsExitWithTwo() async throws {
        let node = try FakeGethNode(chain: try Self.chain())
        let stub = try devnet(node)
        defer { stub.remove() }
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let missing = try await CLI.run(["create", "--enclave", "nope", "--out", out.path, "--quiet"], environment: environment(path: stub.path))
        #expect(missing.status == 2 && missing.stderr.contains("enclave 'nope' not found; enclaves: devnet (RUNNING)"), "\(missing.stderr)")
        let stopped = try await CLI.run(["create", "--enclave", "old-net", "--out", out.path, "--quiet"], environment: environment(path: stub.path))
        #expect(stopped.status == 2 && stopped.stderr.contains("not RUNNING"), "\(stopped.stderr)")
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("empty-path-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let notInstalled = try await CLI.run(["create", "--enclave", "devnet", "--out", out.path, "--quiet"], environment: environment(path: empty.path))
        #expect(notInstalled.status == 2 && notInstalled.stderr.contains("kurtosis not found on PATH"), "\(notInstalled.stderr)")
        #expect(entries(out).isEmpty)
    }

    // MARK: - Interruption

    /// SIGINT while the state is being read: the partial folder goes, the exit status says which signal.
    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptedRunLeavesNothingBehind(_ signal: Int32) async throws {
        let node = try FakeGethNode(chain: try Self.chain(), knobs: .init(delay: .seconds(1)))
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["create", "--rpc-url", node.url.absoluteString, "--genesis-dir", Self.genesisDir.path, "--out", out.path,
                             "--concurrency", "1"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var started = false
        for _ in 0..<1200 where !started {
            try await Task.sleep(for: .milliseconds(50))
            started = entries(out).contains { $0.contains(".partial-") } && node.requestCount(for: "debug_accountRange") > 1
        }
        #expect(started, "the run reached the extraction")
        kill(process.processIdentifier, signal)
        await CLI.waitOffPool(process)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 128 + signal, "\(stderr)")
        #expect(stderr.contains("removed the partial snapshot"))
        #expect(entries(out).isEmpty)
    }
}

extension CLI {

    /// Waits for `process` to exit on a thread of its own, never blocking the cooperative pool (see `CLI.run`).
    static func waitOffPool(_ process: Process) async {
        await withCheckedContinuation { continuation in
            Thread {
                process.waitUntilExit()
                continuation.resume()
            }.start()
        }
    }
}
