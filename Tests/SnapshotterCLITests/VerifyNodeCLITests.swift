import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing

/// `snapshotter verify --rpc-url` against a fake node serving the fixture snapshot's alloc at block 0.
@Suite struct VerifyNodeCLITests {
    /// The fixture snapshot's deposit contract: the one alloc account with many storage slots.
    static let depositContract = try! Address(hex: "0x00000000219ab540356cBB839Cbe05303d7705Fa")
    /// A port nothing listens on.
    static let unreachable = "http://127.0.0.1:1"

    /// A built fixture snapshot and its alloc.
    struct Snapshot {
        let folder: URL
        let alloc: [Account]
        let chainID: UInt64
    }

    static func snapshot() throws -> Snapshot {
        let folder = try VerifyCLITests.snapshot()
        let genesis = try GenesisFile(contentsOf: folder.appendingPathComponent("el/genesis.json"))
        return Snapshot(folder: folder, alloc: genesis.alloc, chainID: try #require(genesis.parameters.config.chainId))
    }

    /// A node running the fixture snapshot, or one that differs as told.
    static func node(alloc: [Account], chainID: UInt64, genesisHash: String = SnapshotFixture.genesisHash) throws -> FakeTracingNode {
        try FakeTracingNode.runningSnapshot(alloc: alloc, chainID: chainID, genesisHash: try [UInt8](hex: genesisHash))
    }

    /// The fixture's alloc with one storage slot of the deposit contract changed.
    static func changingOneSlot(_ alloc: [Account]) throws -> (alloc: [Account], slot: [UInt8]) {
        var changed = alloc
        let index = try #require(changed.firstIndex { $0.address == depositContract })
        let slot = try #require(changed[index].storage.keys.min { $0.lexicographicallyPrecedes($1) })
        changed[index].storage[slot] = changed[index].storage[slot]!.addingReportingOverflow(UInt256(1)).partialValue
        return (changed, slot)
    }

    static func lines(_ text: String) -> [Substring] { text.split(separator: "\n") }

    @Test func matchingNodeVerifies() async throws {
        let snapshot = try Self.snapshot()
        defer { try? FileManager.default.removeItem(at: snapshot.folder) }
        let node = try Self.node(alloc: snapshot.alloc, chainID: snapshot.chainID)
        // Quiet: on a loaded machine the checks may outlast the progress interval, and stderr would carry a line.
        let result = try await CLI.run(["verify", snapshot.folder.path, "--rpc-url", node.url.absoluteString, "--quiet"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let lines = Self.lines(result.stdout)
        #expect(lines.count == 14)
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("ok   ") }, "\(result.stdout)")
        #expect(lines.contains("ok   node.chainId: the node's chain id is 3151908, el/genesis.json's"))
        #expect(lines.contains("ok   node.genesisHash: the node's block 0 hash is \(SnapshotFixture.genesisHash), the snapshot's"))
        #expect(lines.contains("ok   node.stateRoot: the node's block 0 stateRoot is \(SnapshotFixture.stateRoot), the snapshot's"))
        #expect(lines.contains { $0.hasPrefix("ok   node.accounts: all 8 alloc accounts (3 with storage, ") }, "\(result.stdout)")
        #expect(lines.last == "verified: all 13 checks hold")
        #expect(node.server.requestCount(for: "eth_getProof") == 8)
    }

    @Test func sampleSizeIsTheAccountsOption() async throws {
        let snapshot = try Self.snapshot()
        defer { try? FileManager.default.removeItem(at: snapshot.folder) }
        let node = try Self.node(alloc: snapshot.alloc, chainID: snapshot.chainID)
        let result = try await CLI.run(["verify", snapshot.folder.path, "--rpc-url", node.url.absoluteString, "--accounts", "2", "--quiet"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("ok   node.accounts: 2 of 8 alloc accounts"))
        #expect(node.server.requestCount(for: "eth_getProof") == 2)
        let all = try await CLI.run(["verify", snapshot.folder.path, "--rpc-url", node.url.absoluteString, "--accounts", "all"])
        #expect(all.status == 0 && all.stdout.contains("ok   node.accounts: all 8 alloc accounts"), "\(all.stdout)\(all.stderr)")
    }

    @Test func oneDifferingStorageSlotExits3NamingAccountAndSlot() async throws {
        let snapshot = try Self.snapshot()
        defer { try? FileManager.default.removeItem(at: snapshot.folder) }
        let (alloc, slot) = try Self.changingOneSlot(snapshot.alloc)
        let node = try Self.node(alloc: alloc, chainID: snapshot.chainID)
        let result = try await CLI.run(["verify", snapshot.folder.path, "--rpc-url", node.url.absoluteString])
        #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
        let failures = Self.lines(result.stdout).filter { $0.hasPrefix("FAIL") }
        #expect(failures.count == 2, "\(result.stdout)")
        #expect(failures.first { $0.hasPrefix("FAIL node.stateRoot: ") } != nil)
        let accounts = try #require(failures.first { $0.hasPrefix("FAIL node.accounts: 1 of 8 proven accounts differ from el/genesis.json's alloc: ") })
        #expect(accounts.contains("\(Self.depositContract): storage root 0x"))
        #expect(accounts.contains("slot \(Hex.encode(slot)) is "), "\(accounts)")
        #expect(result.stdout.hasSuffix("not verified: 2 of 13 checks failed\n"))
    }

    @Test func wrongChainIDExits3() async throws {
        let snapshot = try Self.snapshot()
        defer { try? FileManager.default.removeItem(at: snapshot.folder) }
        let node = try Self.node(alloc: snapshot.alloc, chainID: snapshot.chainID + 1)
        let result = try await CLI.run(["verify", snapshot.folder.path, "--rpc-url", node.url.absoluteString])
        #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("FAIL node.chainId: the node's chain id is 3151909, but el/genesis.json's is 3151908"))
        #expect(result.stdout.hasSuffix("not verified: 1 of 13 checks failed\n"))
    }

    @Test func wrongGenesisHashExits3() async throws {
        let snapshot = try Self.snapshot()
        defer { try? FileManager.default.removeItem(at: snapshot.folder) }
        let other = Hex.encode([UInt8](repeating: 0x11, count: 32))
        let node = try Self.node(alloc: snapshot.alloc, chainID: snapshot.chainID, genesisHash: other)
        let result = try await CLI.run(["verify", snapshot.folder.path, "--rpc-url", node.url.absoluteString, "--json"])
        #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["ok"] as? Bool == false)
        let checks = try #require(object["checks"] as? [String: [String: Any]])
        #expect(checks.count == 13)
        #expect(Set(checks.filter { $0.value["ok"] as? Bool == false }.keys) == ["node.genesisHash"])
        let detail = try #require(checks["node.genesisHash"]?["detail"] as? String)
        #expect(detail == "the node's block 0 hash is \(other), but el/genesis.json's is \(SnapshotFixture.genesisHash) "
            + "and metadata.json el.genesisHash is \(SnapshotFixture.genesisHash)")
    }

    @Test func unreachableNodeExits2WithOneLine() async throws {
        let snapshot = try Self.snapshot()
        defer { try? FileManager.default.removeItem(at: snapshot.folder) }
        for extra in [[], ["--json"]] {
            let result = try await CLI.run(["verify", snapshot.folder.path, "--rpc-url", Self.unreachable] + extra)
            #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("error: cannot reach \(Self.unreachable)"), "\(result.stderr)")
            #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        }
    }

    @Test(arguments: [
        (["--accounts", "5"], "--accounts goes with --rpc-url"),
        (["--rpc-url", "127.0.0.1:8545"], "is not an http(s) URL"),
        (["--rpc-url", "http://127.0.0.1:8545", "--accounts", "none"], "--accounts"),
    ])
    func badOptionsExit2(options: [String], message: String) async throws {
        let result = try await CLI.run(["verify", "/nonexistent"] + options)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: ") && result.stderr.contains(message), "\(result.stderr)")
    }
}
