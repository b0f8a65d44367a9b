import Foundation
import SnapshotKit
import SnapshotTestSupport
import TestFixtures
import Testing

/// `snapshotter create` reading a fake geth through `debug_accountRange`, end to end: the state it writes, and the
/// geth set-up problems it reports (exit 3 for a state that cannot be complete, 2 for a node that lacks a feature).
@Suite struct GethCreateTests {
    /// The source chain's genesis files: case (a) of the cl-genesis vectors (genesis.json, config.yaml, mnemonics.yaml).
    static let genesisDir = TestFixtures.root.appendingPathComponent("cl-genesis/a-minimal-fulu-8val-0x01")

    /// A contract whose storage spans many `debug_accountRange` pages' worth of slots.
    static let storageHeavy = FakeAccounts.contract(seed: "geth-create/storage", slots: 4_000, codeBytes: 3_000)

    /// Case (a)'s genesis state, then 3,000 funded accounts and `storageHeavy` (block 1), then a storage change and a
    /// new contract (block 2).
    static func chain() throws -> FakeExecutionChain {
        let genesis = try GenesisFile(contentsOf: genesisDir.appendingPathComponent("genesis.json"))
        var chain = FakeExecutionChain(genesis: genesis.alloc, chainID: try #require(genesis.parameters.config.chainId),
                                       timestamp: genesis.parameters.timestamp, gasLimit: genesis.parameters.gasLimit,
                                       baseFeePerGas: genesis.parameters.baseFeePerGas)
        chain.appendBlock(changing: FakeAccounts.externallyOwned(count: 3_000, seed: "geth-create") + [storageHeavy])
        var changed = storageHeavy
        changed.storage[UInt256(7).bigEndianBytes] = UInt256(0xbeef)
        chain.appendBlock(changing: [changed, FakeAccounts.contract(seed: "geth-create/late", slots: 10)])
        return chain
    }

    private func outputFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("geth-create-\(UUID().uuidString)")
    }

    private func entries(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    private func create(_ node: FakeGethNode, _ arguments: [String], out: URL) async throws -> CLI.Result {
        try await CLI.run(["create", "--rpc-url", node.url.absoluteString, "--genesis-dir", Self.genesisDir.path,
                                  "--out", out.path, "--quiet"] + arguments)
    }

    private func metadata(_ folder: URL) throws -> SnapshotMetadata {
        try SnapshotMetadata(json: JSONParser.parse([UInt8](Data(contentsOf: folder.appendingPathComponent("metadata.json")))))
    }

    /// One call at a time or sixteen: the same verified state, byte for byte the same genesis.
    @Test func theSnapshotDoesNotDependOnConcurrency() async throws {
        let chain = try Self.chain()
        let head = chain.head
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        var calls: [Int] = []
        for concurrency in [1, 16] {
            let node = try FakeGethNode(chain: chain)
            let result = try await create(node, ["--concurrency", "\(concurrency)", "--name", "c\(concurrency)"], out: out)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(node.requestCount(for: "debug_dumpBlock") == 0)
            calls.append(node.requestCount(for: "debug_accountRange"))
        }
        let serial = try Data(contentsOf: out.appendingPathComponent("c1/el/genesis.json"))
        #expect(serial == (try Data(contentsOf: out.appendingPathComponent("c16/el/genesis.json"))))
        let genesis = try GenesisFile(bytes: [UInt8](serial))
        #expect(genesis.stateRoot() == head.header.stateRoot)
        #expect(genesis.alloc.first { $0.address == Self.storageHeavy.address }?.storage[UInt256(7).bigEndianBytes] == UInt256(0xbeef))
        let metadata = try metadata(out.appendingPathComponent("c16"))
        #expect(metadata.state.source == "debug_accountRange")
        #expect(metadata.state.accounts == head.state.entries.count)
        #expect(metadata.state.storageSlots == head.state.accounts.reduce(0) { $0 + $1.storage.count })
        #expect(metadata.source.elClient == "geth" && metadata.source.blockHash == head.header.hash)
        #expect(calls[1] > calls[0], "sixteen in flight split the key space into ranges (\(calls))")
    }

    /// geth drops storage slots it has no preimage for: the contract's storage root gives it away, exit 3 with the
    /// range source alone (`--state-source range`; by default the universal source takes over, see
    /// MultiClientGethTests).
    @Test func missingStoragePreimagesExitWithThreeAndWriteNothing() async throws {
        let lost = Array(Self.storageHeavy.storage.keys.prefix(2))
        let node = try FakeGethNode(chain: try Self.chain(), knobs: .init(missingStoragePreimages: Set(lost)))
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try await create(node, ["--concurrency", "4", "--state-source", "range"], out: out)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: ") && result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains(Self.storageHeavy.address.checksummed) && result.stderr.contains("preimages"))
        #expect(entries(out).isEmpty, "no snapshot folder and no partial folder")
    }

    /// A geth that never recorded preimages fails the up-front check of the range source, before any page of state
    /// is read: exit 3 too when that source is forced.
    @Test func aNodeWithoutPreimagesFailsBeforeReadingTheState() async throws {
        let chain = try Self.chain()
        let node = try FakeGethNode(chain: chain, knobs: .init(missingAccountPreimages: Set(chain.head.state.accounts.map(\.address))))
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try await create(node, ["--state-source", "range"], out: out)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("--cache.preimages") && result.stderr.contains("--gcmode=archive"), "\(result.stderr)")
        #expect(node.requestCount(for: "debug_accountRange") == 1, "only the requirement check ran")
        #expect(entries(out).isEmpty)
    }

    /// A pruning geth has no state for an older block: exit 2, naming archive mode.
    @Test func prunedHistoryExitsWithTwoNamingArchiveMode() async throws {
        let node = try FakeGethNode(chain: try Self.chain(), knobs: .init(prunedHistory: true))
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try await create(node, ["--block", "1"], out: out)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("block 1") && result.stderr.contains("--gcmode=archive"), "\(result.stderr)")
        #expect(entries(out).isEmpty)
    }

    // MARK: - Through Kurtosis

    private static func kurtosisFixture(_ file: String) throws -> String {
        try TestFixtures.text("kurtosis/\(file)")
    }

    /// The recorded `devnet` enclave (`inspect` is its `enclave inspect` output) whose geth's rpc port is `node`'s
    /// and whose genesis artefact holds `genesisDir`; `consensus` renames its consensus client (the recording runs
    /// Lighthouse); `beacon` is its first consensus service's beacon API (default: a port nothing listens on).
    private static func devnet(
        _ node: FakeGethNode, inspect: String = "enclave-inspect-devnet.txt", consensus: String = "lighthouse", beacon: URL? = nil
    ) throws -> StubKurtosis {
        typealias Rule = StubKurtosis.Rule
        func renamed(_ text: String) -> String { text.replacingOccurrences(of: "lighthouse", with: consensus) }
        return try StubKurtosis([
            Rule(["enclave", "ls"], stdout: try kurtosisFixture("enclave-ls.txt")),
            Rule(["enclave", "inspect", "--", "devnet"], stdout: renamed(try kurtosisFixture(inspect))),
            Rule(["service", "inspect", "-o", "json", "--", "devnet", "el-1-geth-\(consensus)"],
                 stdout: renamed(try kurtosisFixture("service-inspect-el-1-geth-lighthouse.json"))),
            Rule(["service", "inspect", "-o", "json", "--", "devnet", "*"], stderr: "Error: unknown shorthand flag: 'o' in -o\n", exitCode: 1),
            Rule(["port", "print", "--", "devnet", "el-1-geth-\(consensus)", "rpc"], stdout: "127.0.0.1:\(node.url.port!)\n"),
            Rule(["port", "print", "--", "devnet", "el-2-erigon-\(consensus)", "ws-rpc"], stdout: "127.0.0.1:9\n"),
            Rule(["port", "print", "--", "devnet", "cl-1-\(consensus)-geth", "http"], stdout: "\((beacon ?? URL(string: "http://127.0.0.1:9")!).absoluteString)\n"),
            Rule(["port", "print", "--", "devnet", "*", "http"], stdout: "http://127.0.0.1:9\n"),
            .filesDownload(enclave: "devnet", artifact: EnclaveDiscovery.genesisArtifact, copying: genesisDir),
        ])
    }

    /// A fake beacon API whose `/eth/v1/node/version` tells `version`, answering on its own threads (the child
    /// process calls it).
    private static func beacon(version: String) throws -> JSONRPCTestServer {
        try JSONRPCTestServer.answeringOnItsThreads { method, _ in
            guard method == "GET /\(BeaconNodeVersion.path)" else { throw JSONRPCTestServer.RPCFailure(code: 404, message: method) }
            return .object([("data", .object([("version", .string(version))]))])
        }
    }

    /// `--cl auto` asks the enclave's beacon API first: a beacon node that says it is Teku gets a Teku runtime,
    /// though its service is named for Lighthouse.
    @Test func theBeaconNodeVersionDetectsTheConsensusClient() async throws {
        let node = try FakeGethNode(chain: try Self.chain())
        let beacon = try Self.beacon(version: "teku/v26.8.0/linux-x86_64/-eclipseadoptium-openjdk64bitservervm-java-25")
        let stub = try Self.devnet(node, beacon: beacon.url)
        defer { stub.remove() }
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try await CLI.run(
            ["create", "--enclave", "devnet", "--out", out.path, "--quiet", "--name", "devnet"], environment: stub.environment)
        #expect(result.status == 0, "\(result.stderr)")
        let metadata = try metadata(out.appendingPathComponent("devnet"))
        #expect(metadata.cl?.client == "teku" && metadata.runtime?["cl"]?["client"]?.stringValue == "teku")
        #expect(beacon.requestCounts == ["GET /\(BeaconNodeVersion.path)": 1])
    }

    /// A beacon API that cannot be reached leaves the service name to decide, with a note saying so.
    @Test func anUnreachableBeaconAPIFallsBackToTheServiceName() async throws {
        let node = try FakeGethNode(chain: try Self.chain())
        let closed = try Self.beacon(version: "teku/v26.8.0")
        closed.stop()
        let stub = try Self.devnet(node, beacon: closed.url)
        defer { stub.remove() }
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try await CLI.run(["create", "--enclave", "devnet", "--out", out.path, "--name", "devnet"], environment: stub.environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try metadata(out.appendingPathComponent("devnet")).cl?.client == "lighthouse")
        #expect(result.stderr.contains("cannot reach \(closed.url.absoluteString)/eth/v1/node/version"), "\(result.stderr)")
        #expect(result.stderr.contains("detecting the consensus client from the service name cl-1-lighthouse-geth"), "\(result.stderr)")
    }

    /// An enclave whose consensus client is Teku (`cl-1-teku-geth`) gets a Teku runtime that `verify` accepts;
    /// `--runtime-cl lighthouse` on the same enclave gives a Lighthouse runtime that verifies too.
    @Test(arguments: [([String](), "teku"), (["--runtime-cl", "lighthouse"], "lighthouse")])
    func anEnclaveRunByTekuGetsATekuRuntime(_ options: [String], _ expected: String) async throws {
        let node = try FakeGethNode(chain: try Self.chain())
        let stub = try Self.devnet(node, consensus: "teku")
        defer { stub.remove() }
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try await CLI.run(
            ["create", "--enclave", "devnet", "--out", out.path, "--quiet", "--name", "devnet"] + options, environment: stub.environment)
        #expect(result.status == 0, "\(result.stderr)")
        let folder = out.appendingPathComponent("devnet")
        let metadata = try metadata(folder)
        #expect(metadata.cl?.client == expected && metadata.runtime?["cl"]?["client"]?.stringValue == expected)
        let verify = try await CLI.run(["verify", folder.path])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    @Test func snapshotsTheGethNodeOfAnEnclave() async throws {
        let chain = try Self.chain()
        let node = try FakeGethNode(chain: chain)
        let stub = try Self.devnet(node)
        defer { stub.remove() }
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try await CLI.run(["create", "--enclave", "devnet", "--out", out.path, "--quiet", "--name", "devnet"], environment: stub.environment)
        #expect(result.status == 0, "\(result.stderr)")
        let folder = out.appendingPathComponent("devnet")
        #expect(try GenesisFile(contentsOf: folder.appendingPathComponent("el/genesis.json")).stateRoot() == chain.head.header.stateRoot)
        let metadata = try metadata(folder)
        #expect(metadata.source.enclave == "devnet" && metadata.source.elClient == "geth")
        #expect(metadata.source.clientVersion == FakeGethNode.defaultClientVersion)
        #expect(metadata.state.storageSlots == chain.head.state.accounts.reduce(0) { $0 + $1.storage.count })
        #expect(node.requestCount(for: "debug_dumpBlock") == 0)
    }

    @Test func anEnclaveWithoutAnExecutionNodeExitsWithTwo() async throws {
        let node = try FakeGethNode(chain: try Self.chain())
        let stub = try Self.devnet(node, inspect: "enclave-inspect-no-el.txt")
        defer { stub.remove() }
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try await CLI.run(["create", "--enclave", "devnet", "--out", out.path, "--quiet"], environment: stub.environment)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("enclave 'devnet' has no running execution-layer service"), "\(result.stderr)")
        #expect(result.stderr.contains("--rpc-url"))
        #expect(node.server.httpRequestCount == 0)
        #expect(entries(out).isEmpty)
    }
}
