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

/// The progress reports of one run.
private final class ProgressLog: Sendable {
    let reports = Mutex<[StateProgress]>([])
}
