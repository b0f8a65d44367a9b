import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing
@testable import BesuPlugin

/// Besu's range source and its fallback against fake Besu nodes over the fixture chain: transfers to new accounts,
/// contract creation, storage writes and clears, a self-destruct, withdrawals to fresh addresses and system-contract
/// writes no trace shows.
@Suite struct BesuRangeStateSourceTests {
    typealias A = FakeTracingChain.FixtureAddress

    static func range(_ node: FakeTracingNode) -> BesuRangeStateSource {
        BesuRangeStateSource(rpc: node.stateSourceEnvironment().rpc)
    }

    static func expectExact(_ accounts: [Account], _ block: FakeTracingChain.Block) throws {
        let state = try #require(block.state)
        #expect(accounts.count == state.count)
        for account in accounts { #expect(account == state[account.address], "\(account.address)") }
    }

    /// The head block: no block after it, so storage is listed after its last transaction and the slots of its system
    /// calls are added by rule; a Forest node needs no tracing at all.
    @Test func forestReadsTheHeadCompletely() async throws {
        let node = try FakeTracingNode.besu(chain: .fixture(), ranges: .init(storageFormat: .forest))
        let head = try #require(node.chain.blocks.last)
        let read = try await ChainExtraction.run(BesuPlugin().makeStateSources(node.stateSourceEnvironment()), at: head.pinned)
        #expect(read.fallbacks.isEmpty)
        #expect(read.state.source == "debug_accountRange+debug_storageRangeAt" && read.state.stateRoot == head.stateRoot)
        try Self.expectExact(read.accounts, head)
        let present = Set(read.accounts.map(\.address))
        #expect(present.contains(A.empty) && !present.contains(A.doomed))
        #expect(present.isSuperset(of: [A.withdrawalOnly, A.secondWithdrawal, A.firstProposer, A.heir, A.newcomer, A.latecomer]))
        #expect(node.server.requestCount(for: "debug_traceBlockByNumber") == 0)
        #expect(node.server.requestCount(for: "trace_replayBlockTransactions") == 0)
        // The view is block 5 after its last transaction (index 1): its beacon-root slot, written before the
        // transactions by a system call, is not in it, yet it is read.
        let beaconRoots = try #require(read.accounts.first { $0.address == FakeTracingChain.SystemAddress.beaconRoots })
        #expect(beaconRoots.storage[UInt256(head.timestamp % 8191).bigEndianBytes] == UInt256(head.timestamp))
    }

    /// An earlier block: its child exists, so storage is listed in the child's parent state, exactly block 3's.
    @Test func forestReadsAnEarlierBlockThroughItsChild() async throws {
        let node = try FakeTracingNode.besu(chain: .fixture(), ranges: .init(storageFormat: .forest))
        let third = node.chain.blocks[3]
        let view = try await BesuStorageView.of(third.pinned, rpc: node.stateSourceEnvironment().rpc)
        #expect(view == BesuStorageView(blockHash: node.chain.blocks[4].hash, transactionIndex: 0, extraSlots: [:]))
        let state = try await StateExtractor(source: Self.range(node), block: third.pinned, concurrency: 3).run { _ in }
        #expect(state.stateRoot == third.stateRoot)
    }

    /// A head block without transactions (only withdrawals and system calls): the view is its parent's state.
    @Test func forestReadsAHeadWithoutTransactions() async throws {
        var chain = FakeTracingChain.fixture()
        chain.append(miner: A.secondProposer, withdrawals: [.init(index: 9, validatorIndex: 1, address: A.latecomer, amount: 5)])
        let node = try FakeTracingNode.besu(chain: chain, ranges: .init(storageFormat: .forest))
        let head = try #require(chain.blocks.last)
        let view = try await BesuStorageView.of(head.pinned, rpc: node.stateSourceEnvironment().rpc)
        #expect(view.blockHash == head.hash && view.transactionIndex == 0 && view.extraSlots.count == 4)
        var accounts: [Account] = []
        let state = try await StateExtractor(source: Self.range(node), block: head.pinned, concurrency: 2).run { accounts.append($0) }
        #expect(state.stateRoot == head.stateRoot)
        try Self.expectExact(accounts, head)
    }

    /// Pages are read as they are asked for, one at a time: a consumer that stops after the first page leaves the
    /// rest of a 600-account state unlisted and unread, whatever the concurrency.
    @Test func readingWaitsForTheConsumer() async throws {
        let chain = FakeTracingChain(genesis: FakeAccounts.externallyOwned(count: 600, seed: "besu-window"))
        let node = try FakeTracingNode.besu(chain: chain, ranges: .init(storageFormat: .forest))
        let context = StateSourceContext(block: chain.blocks[0].pinned, concurrency: 4) { _ in }
        var pages = Self.range(node).accountPages(context).makeAsyncIterator()
        #expect(try await pages.next()?.count == BesuRangeStateSource.accountsPerPage)
        try await Task.sleep(for: .milliseconds(300))
        #expect(node.server.requestCount(for: "debug_accountRange") == 1)
        #expect(node.server.requestCount(for: "eth_getProof") == BesuRangeStateSource.accountsPerPage)
    }

    /// Bonsai answers "Internal error": the range source says so, and the universal source reads the state instead.
    @Test func bonsaiFallsBackToTheUniversalSource() async throws {
        let node = try FakeTracingNode.besu(chain: .fixture(), ranges: .init(storageFormat: .bonsai))
        let head = try #require(node.chain.blocks.last)
        await #expect(throws: BesuRangeError.bonsaiStorage) { try await Self.range(node).checkRequirements(at: head.pinned) }
        let read = try await ChainExtraction.run(BesuPlugin().makeStateSources(node.stateSourceEnvironment()), at: head.pinned)
        #expect(read.state.source == "universal" && read.state.stateRoot == head.stateRoot)
        try Self.expectExact(read.accounts, head)
        #expect(read.fallbacks.map(\.message) == [
            "Besu's debug_accountRange and debug_storageRangeAt was incomplete (\(BesuRangeError.bonsaiStorage)); "
                + "falling back to the universal (trace + proof) source",
        ])
    }

    /// Forest without some preimages (as after a snap sync): incomplete, so the universal source takes over.
    @Test func missingPreimagesFallBackToTheUniversalSource() async throws {
        let chain = FakeTracingChain.fixture()
        let head = try #require(chain.blocks.last)
        for ranges in [FakeBesuRanges(storageFormat: .forest, missingAccountPreimages: [A.latecomer]),
                       FakeBesuRanges(storageFormat: .forest, missingStoragePreimages: [UInt256(5).bigEndianBytes])] {
            let node = try FakeTracingNode.besu(chain: chain, ranges: ranges)
            await #expect { _ = try await StateExtractor(source: Self.range(node), block: head.pinned, concurrency: 4).run { _ in } }
                throws: { ($0 as? BesuRangeError)?.isIncompleteState == true }
            let read = try await ChainExtraction.run(BesuPlugin().makeStateSources(node.stateSourceEnvironment()), at: head.pinned)
            #expect(read.state.source == "universal" && read.state.stateRoot == head.stateRoot)
            #expect(read.fallbacks.count == 1)
        }
    }

    /// Without the DEBUG API there is nothing to fall back for: the error names the flag.
    @Test func withoutTheDebugAPITheFlagIsNamed() async throws {
        let node = try FakeTracingNode(chain: .fixture(), configuration: .init(clientVersion: FakeTracingNode.besuClientVersion))
        let head = node.pinnedBlock()
        let error = await #expect(throws: BesuRangeError.self) {
            _ = try await ChainExtraction.run(BesuPlugin().makeStateSources(node.stateSourceEnvironment()), at: head)
        }
        #expect(error?.isIncompleteState == false)
        #expect(error?.description.contains("--rpc-http-api=ETH,NET,WEB3,DEBUG,TRACE") == true)
    }

    /// Accounts of a page are read several at once, pages stay in hashed-address order, progress reaches 1.
    @Test func pagesAreOrderedAndProgressEnds() async throws {
        let node = try FakeTracingNode.besu(chain: .fixture(), ranges: .init(storageFormat: .forest))
        let head = node.pinnedBlock()
        let reports = Reports()
        let context = StateSourceContext(block: head, concurrency: 8) { reports.add($0) }
        var keys: [[UInt8]] = []
        for try await page in Self.range(node).accountPages(context) {
            keys += page.map { Keccak256.hash($0.address.bytes) }
        }
        #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) } && Set(keys).count == keys.count)
        #expect(reports.last?.fraction == 1 && reports.last?.accounts == keys.count && reports.last?.phase == "accounts")
    }

    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [StateProgress] = []
        func add(_ report: StateProgress) { lock.withLock { entries.append(report) } }
        var last: StateProgress? { lock.withLock { entries.last } }
    }
}
