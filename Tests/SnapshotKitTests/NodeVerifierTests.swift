import Foundation
import SnapshotKit
import Synchronization
import SnapshotTestSupport
import Testing

/// `NodeVerifier` against fake nodes running the fixture snapshot, as they are or gone wrong.
@Suite struct NodeVerifierTests {
    static let genesisHash = try! [UInt8](hex: SnapshotFixture.genesisHash)
    static let chainID: UInt64 = 3_151_908

    /// A fixture snapshot folder and its alloc; the caller removes the folder.
    static func snapshot() throws -> (folder: URL, alloc: [Account]) {
        let folder = try RuntimeTestSupport.snapshot()
        return (folder, try GenesisFile(contentsOf: folder.appendingPathComponent("el/genesis.json")).alloc)
    }

    static func client(_ node: FakeTracingNode) -> JSONRPCClient {
        JSONRPCClient(endpoint: node.url, configuration: .init(timeout: .seconds(60), maxAttempts: 1))
    }

    static func check(_ name: String, in checks: [VerificationCheck]) throws -> VerificationCheck {
        try #require(checks.first { $0.name == name })
    }

    /// `count` generated accounts: storage at every 41st position (from 5), code at every 23rd (from 2), so some runs
    /// of a sample hold storage, some only code, some neither.
    static func generatedAlloc(_ count: Int) -> [Account] {
        (0..<count).map { index in
            let value = UInt64(index + 1)
            return Account(address: Address(bytes: Array(Keccak256.hash(UInt256(value).bigEndianBytes).suffix(20)))!,
                           nonce: value % 4, balance: UInt256(value * 1_000),
                           code: index % 23 == 2 ? [0x60, UInt8(truncatingIfNeeded: index)] : [],
                           storage: index % 41 == 5 ? [UInt256(value).bigEndianBytes: UInt256(value + 7)] : [:])
        }
    }

    /// A snapshot folder holding just what `NodeVerifier` reads — `el/genesis.json` with `alloc`, and a
    /// `metadata.json` with its state root and genesis hash — and that genesis hash; the caller removes the folder.
    static func generatedSnapshot(_ alloc: [Account]) throws -> (folder: URL, genesisHash: [UInt8]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("node-verifier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("el"), withIntermediateDirectories: true)
        let parameters = try GenesisParameters(json: JSONParser.parse(#"{"gasLimit": "0x1c9c380", "difficulty": "0x1", "config": {"chainId": 3151908}}"#))
        let genesis = GenesisFile(parameters: parameters, alloc: alloc)
        try genesis.write(to: folder.appendingPathComponent("el/genesis.json"))
        let stateRoot = genesis.stateRoot(), hash = genesis.header().hash()
        let metadata = JSONValue.object([
            ("files", .object([])),
            ("el", .object([("stateRoot", .string(Hex.encode(stateRoot))), ("genesisHash", .string(Hex.encode(hash)))])),
        ])
        try Data(JSONWriter.string(metadata).utf8).write(to: folder.appendingPathComponent("metadata.json"))
        return (folder, hash)
    }

    /// A node running `alloc` that records the address of every `eth_getProof` call.
    static func recordingNode(alloc: [Account], genesisHash: [UInt8]) throws -> (node: FakeTracingNode, asked: LockedState<[String]>) {
        let asked = LockedState<[String]>([])
        let served = try FakeTracingNode.runningSnapshot(alloc: alloc, chainID: chainID, genesisHash: genesisHash)
        let node = try FakeTracingNode(chain: FakeTracingChain(genesis: alloc), configuration: .init(clientMethods: { method, params, chain in
            if method == "eth_getProof", let address = params.first?.stringValue { asked.withLock { $0.append(address.lowercased()) } }
            return try served.configuration.clientMethods?(method, params, chain)
        }))
        return (node, asked)
    }

    @Test func matchingNodePassesWithProgressOverEveryAccount() async throws {
        let (folder, alloc) = try Self.snapshot()
        defer { try? FileManager.default.removeItem(at: folder) }
        let node = try FakeTracingNode.runningSnapshot(alloc: alloc, chainID: Self.chainID, genesisHash: Self.genesisHash)
        let reports = ProgressLog()
        let verifier = NodeVerifier(folder: folder, rpc: Self.client(node), sample: .all, batchSize: 3, concurrency: 2)
        let checks = try await verifier.run { progress in reports.reports.withLock { $0.append(progress) } }
        #expect(checks.map(\.name) == NodeVerifier.checkNames)
        #expect(checks.allSatisfy { $0.ok }, "\(checks)")
        let seen = reports.reports.withLock { $0 }
        // One report per batch of 3, 3 and 2 accounts, in the order the batches finish.
        #expect(seen.count == 3 && seen.map(\.accounts) == seen.map(\.accounts).sorted())
        #expect(seen.last == StateProgress(accounts: 8, storageSlots: alloc.map(\.storage.count).reduce(0, +), fraction: 1, phase: "accounts"))
        #expect(node.server.requestCount(for: "eth_getProof") == 8)
    }

    @Test func tamperedProofFailsTheAccountsCheckOnly() async throws {
        let (folder, alloc) = try Self.snapshot()
        defer { try? FileManager.default.removeItem(at: folder) }
        let node = try FakeTracingNode.runningSnapshot(alloc: alloc, chainID: Self.chainID, genesisHash: Self.genesisHash,
                                                       proofFault: .tamperedNode)
        let checks = try await NodeVerifier(folder: folder, rpc: Self.client(node), sample: .count(2)).run()
        #expect(checks.filter { !$0.ok }.map(\.name) == ["node.accounts"])
        let detail = try Self.check("node.accounts", in: checks).detail
        #expect(detail.hasPrefix("2 of 2 proven accounts differ from el/genesis.json's alloc: the eth_getProof answer for 0x"))
        #expect(detail.contains("does not verify against state root \(SnapshotFixture.stateRoot)"), "\(detail)")
    }

    @Test func absentAndChangedAccountsAreNamed() async throws {
        let (folder, alloc) = try Self.snapshot()
        defer { try? FileManager.default.removeItem(at: folder) }
        var served = alloc
        let removed = served.removeLast()
        served[0].nonce += 1
        served[0].balance = UInt256(12_345)
        let node = try FakeTracingNode.runningSnapshot(alloc: served, chainID: Self.chainID, genesisHash: Self.genesisHash)
        let checks = try await NodeVerifier(folder: folder, rpc: Self.client(node)).run()
        #expect(checks.filter { !$0.ok }.map(\.name) == ["node.stateRoot", "node.accounts"])
        let detail = try Self.check("node.accounts", in: checks).detail
        #expect(detail.hasPrefix("2 of 8 proven accounts differ from el/genesis.json's alloc: "))
        #expect(detail.contains("\(alloc[0].address): balance 0x3039 (the alloc's \(alloc[0].balance.hexQuantity)), "
            + "nonce \(alloc[0].nonce + 1) (the alloc's \(alloc[0].nonce))"), "\(detail)")
        #expect(detail.hasSuffix("; \(removed.address) is absent from the node's state"), "\(detail)")
        #expect(try Self.check("node.stateRoot", in: checks).detail.hasSuffix(
            "but el/genesis.json's is \(SnapshotFixture.stateRoot) and metadata.json el.stateRoot is \(SnapshotFixture.stateRoot)"))
    }

    @Test func refusedProofIsAnRPCErrorWithAdvice() async throws {
        let (folder, alloc) = try Self.snapshot()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fine = try FakeTracingNode.runningSnapshot(alloc: alloc, chainID: Self.chainID, genesisHash: Self.genesisHash)
        let pruned = try FakeTracingNode(chain: FakeTracingChain(genesis: alloc), configuration: .init(clientMethods: { method, params, chain in
            guard method == "eth_getProof" else { return try fine.configuration.clientMethods?(method, params, chain) }
            throw JSONRPCTestServer.RPCFailure(code: -32000, message: "missing trie node 0b5d (path ) state 0x04bf is not available")
        }))
        do {
            _ = try await NodeVerifier(folder: folder, rpc: Self.client(pruned)).run()
            Issue.record("a refused proof must throw")
        } catch let error as JSONRPCError {
            #expect(error.method == "eth_getProof")
            #expect(error.hint?.contains("may no longer hold block 0's state") == true, "\(error)")
        }
    }

    @Test func missingBlockZeroFailsTheBlockChecks() async throws {
        let (folder, alloc) = try Self.snapshot()
        defer { try? FileManager.default.removeItem(at: folder) }
        let node = try FakeTracingNode(chain: FakeTracingChain(genesis: alloc), configuration: .init(clientMethods: { method, _, _ in
            switch method {
            case "eth_chainId": JSONValue.string("0x301824")
            case "eth_getBlockByNumber": JSONValue.null
            default: nil
            }
        }))
        let checks = try await NodeVerifier(folder: folder, rpc: Self.client(node)).run()
        #expect(checks.map(\.ok) == [true, false, false, false])
        #expect(try Self.check("node.genesisHash", in: checks).detail == "the node has no block 0")
        #expect(try Self.check("node.accounts", in: checks).detail == "the node has no block 0: no state root to prove accounts against")
        #expect(node.server.requestCount(for: "eth_getProof") == 0)
    }
}

extension NodeVerifierTests {
    @Test func sampleIsOneAccountPerRunOfAGeneratedAllocPreferringStorageThenCode() async throws {
        let alloc = Self.generatedAlloc(300)
        let (folder, hash) = try Self.generatedSnapshot(alloc)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (node, asked) = try Self.recordingNode(alloc: alloc, genesisHash: hash)
        let checks = try await NodeVerifier(folder: folder, rpc: Self.client(node), sample: .count(16), batchSize: 3, concurrency: 2).run()
        #expect(checks.allSatisfy { $0.ok }, "\(checks)")
        // The spread: 16 runs of 18 or 19 positions, each giving its first account with storage, else its first
        // with code, else its first.
        let expected = (0..<16).map { run in
            let range = (run * 300 / 16)..<((run + 1) * 300 / 16)
            return range.first { $0 % 41 == 5 } ?? range.first { $0 % 23 == 2 } ?? range.lowerBound
        }
        // 8 runs give an account with storage, 7 one with code, 1 its first.
        #expect(expected.filter { $0 % 41 == 5 }.count == 8 && expected.filter { $0 % 23 == 2 }.count == 7)
        let askedAddresses = asked.withLock { $0 }
        #expect(askedAddresses.count == 16)
        #expect(Set(askedAddresses) == Set(expected.map { alloc[$0].address.description.lowercased() }))
        let withStorage = expected.filter { !alloc[$0].storage.isEmpty }.count
        #expect(try Self.check("node.accounts", in: checks).detail.hasPrefix(
            "16 of 300 alloc accounts (\(withStorage) with storage, \(withStorage) slots) proven at block 0"))
    }

    @Test func allProvesEveryAccountOfAGeneratedAllocInBatches() async throws {
        let alloc = Self.generatedAlloc(257)
        let (folder, hash) = try Self.generatedSnapshot(alloc)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (node, asked) = try Self.recordingNode(alloc: alloc, genesisHash: hash)
        let reports = ProgressLog()
        let verifier = NodeVerifier(folder: folder, rpc: Self.client(node), sample: .all, batchSize: 5, concurrency: 3)
        let checks = try await verifier.run { progress in reports.reports.withLock { $0.append(progress) } }
        #expect(checks.allSatisfy { $0.ok }, "\(checks)")
        let askedAddresses = asked.withLock { $0 }
        #expect(askedAddresses.count == 257)
        #expect(Set(askedAddresses) == Set(alloc.map { $0.address.description.lowercased() }))
        let slots = alloc.map(\.storage.count).reduce(0, +)
        #expect(try Self.check("node.accounts", in: checks).detail.hasPrefix("all 257 alloc accounts (\(slots) with storage, \(slots) slots)"))
        let seen = reports.reports.withLock { $0 }
        #expect(seen.count == 52 && seen.map(\.accounts) == seen.map(\.accounts).sorted())
        #expect(seen.last == StateProgress(accounts: 257, storageSlots: slots, fraction: 1, phase: "accounts"))
    }

    @Test func aHandedOnGenesisIsNotReadAgain() async throws {
        let (folder, alloc) = try Self.snapshot()
        defer { try? FileManager.default.removeItem(at: folder) }
        let node = try FakeTracingNode.runningSnapshot(alloc: alloc, chainID: Self.chainID, genesisHash: Self.genesisHash)
        let unreadable = SnapshotVerificationError.unreadable(path: "el/genesis.json", reason: "handed on")
        let checks = try await NodeVerifier(folder: folder, rpc: Self.client(node)).run(genesis: .failure(unreadable))
        #expect(checks.map(\.ok) == [false, false, false, false])
        #expect(try Self.check("node.accounts", in: checks).detail == unreadable.description)
        #expect(node.server.requestCount(for: "eth_getProof") == 0)
    }

    @Test func anAllocThatNoLongerHoldsTheSummarysAccountsFailsTheAccountsCheck() async throws {
        let (folder, alloc) = try Self.snapshot()
        defer { try? FileManager.default.removeItem(at: folder) }
        let node = try FakeTracingNode.runningSnapshot(alloc: alloc, chainID: Self.chainID, genesisHash: Self.genesisHash)
        var summary = try SnapshotKit.GenesisSummary(contentsOf: folder.appendingPathComponent("el/genesis.json"))
        summary.accounts -= 1
        let checks = try await NodeVerifier(folder: folder, rpc: Self.client(node)).run(genesis: .success(summary))
        #expect(checks.filter { !$0.ok }.map(\.name) == ["node.accounts"])
        #expect(try Self.check("node.accounts", in: checks).detail
            == "cannot read el/genesis.json: it changed while it was verified: it now holds 8 alloc accounts, it held 7")
    }
}

/// The progress reports of one run.
private final class ProgressLog: Sendable {
    let reports = Mutex<[StateProgress]>([])
}
