import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing
@testable import GethPlugin

/// Extraction through `debug_accountRange` from a fake geth.
@Suite struct AccountRangeStateSourceTests {
    /// The mainnet alloc over 35 pages: every account, in key order, hashing to mainnet's published state root.
    @Test func pagesThroughTheMainnetAlloc() async throws {
        let node = try FakeGethNode(chain: FakeExecutionChain(genesis: GethFixtures.mainnetAlloc))
        let source = AccountRangeStateSource(rpc: GethFixtures.client(node))
        let block = node.chain.head.header.pinnedBlock
        try await source.checkRequirements(at: block)
        let (pages, progress) = try await GethFixtures.extract(source, at: block, concurrency: 1)
        #expect(pages.joined().count == 8_893)
        #expect(pages.count >= 35)
        #expect(try GethFixtures.streamedRoot(pages) == GethFixtures.mainnetStateRoot)
        #expect(node.requestCount(for: "debug_accountRange") == 1 + 35)
        #expect(node.requestCount(for: "debug_dumpBlock") == 0)
        #expect(progress.last == StateProgress(accounts: 8_893, storageSlots: 0, fraction: 1, phase: "accounts"))
        let fractions = progress.compactMap(\.fraction)
        #expect(fractions == fractions.sorted() && fractions.count == pages.count + 1)
    }

    /// Any concurrency gives the same accounts in the same order.
    @Test(arguments: [1, 4, 16])
    func concurrencyDoesNotChangeTheOutput(concurrency: Int) async throws {
        let chain = GethFixtures.devnetChain
        let node = try FakeGethNode(chain: chain)
        let source = AccountRangeStateSource(rpc: GethFixtures.client(node))
        let (pages, _) = try await GethFixtures.extract(source, at: chain.head.header.pinnedBlock, concurrency: concurrency)
        #expect(pages.joined().elementsEqual(chain.head.state.accounts), "the head state, account for account, in key order")
        #expect(try GethFixtures.streamedRoot(pages) == chain.head.header.stateRoot)
        if concurrency > 1 {
            #expect(node.requestCount(for: "debug_accountRange") > 9_394 / 256 + 1, "the key space was split into ranges")
        }
    }

    @Test func readsAStorageHeavyContract() async throws {
        let chain = GethFixtures.devnetChain
        let node = try FakeGethNode(chain: chain)
        let source = AccountRangeStateSource(rpc: GethFixtures.client(node))
        let (pages, progress) = try await GethFixtures.extract(source, at: chain.blocks[1].header.pinnedBlock, concurrency: 4)
        let contract = try #require(pages.joined().first { $0.address == GethFixtures.storageContract.address })
        #expect(contract == GethFixtures.storageContract)
        #expect(contract.storage.count == 3_000)
        #expect(progress.last?.storageSlots == 3_000)
    }

    /// Pinned to block 1 while the head is block 2: block 1's state, not the head's.
    @Test func readsTheStateOfThePinnedBlock() async throws {
        let chain = GethFixtures.devnetChain
        let node = try FakeGethNode(chain: chain)
        let source = AccountRangeStateSource(rpc: GethFixtures.client(node))
        let pinned = chain.blocks[1].header
        let (pages, _) = try await GethFixtures.extract(source, at: pinned.pinnedBlock, concurrency: 4)
        #expect(pages.joined().elementsEqual(chain.blocks[1].state.accounts), "block 1's state, account for account, in key order")
        #expect(try GethFixtures.streamedRoot(pages) == pinned.stateRoot)
        #expect(pinned.stateRoot != chain.head.header.stateRoot)
        #expect(pages.joined().contains { $0.address == GethFixtures.mainnetAlloc[1].address })
    }

    /// The node keeps advancing during the extraction: the pinned block's state still comes out.
    @Test func aNewHeadDuringTheExtractionChangesNothing() async throws {
        var chain = FakeExecutionChain(genesis: FakeAccounts.externallyOwned(count: 2_000, seed: "moving"))
        let node = try FakeGethNode(chain: chain)
        let source = AccountRangeStateSource(rpc: GethFixtures.client(node))
        let pinned = chain.head.header
        var pages: [[Account]] = []
        for try await page in source.accountPages(StateSourceContext(block: pinned.pinnedBlock, concurrency: 2) { _ in }) {
            pages.append(page)
            if pages.count == 2 {
                chain.appendBlock(changing: FakeAccounts.externallyOwned(count: 300, seed: "arrivals"))
                node.chain = chain
            }
        }
        #expect(try GethFixtures.streamedRoot(pages) == pinned.stateRoot)
    }

    @Test func anAccountWithoutPreimageFailsAtOnce() async throws {
        let chain = GethFixtures.devnetChain
        let missing = chain.head.state.entries[5_000]
        let node = try FakeGethNode(chain: chain, knobs: .init(missingAccountPreimages: [missing.account.address]))
        let source = AccountRangeStateSource(rpc: GethFixtures.client(node))
        let block = chain.head.header.pinnedBlock
        try await source.checkRequirements(at: block)
        let expected = AccountRangeError.missingAccountPreimage(hashedAddress: missing.hashedAddress, block: 2)
        await #expect(throws: expected) { try await GethFixtures.extract(source, at: block, concurrency: 1) }
        await #expect(throws: expected) { try await GethFixtures.extract(source, at: block, concurrency: 8) }
        #expect(expected.description.contains("--cache.preimages") && expected.description.contains("--gcmode=archive"))
    }

    /// A node that never recorded preimages fails the up-front check: its first account has none.
    @Test func aNodeWithoutPreimagesFailsTheRequirementCheck() async throws {
        let chain = GethFixtures.devnetChain
        let node = try FakeGethNode(chain: chain, knobs: .init(missingAccountPreimages: Set(chain.head.state.accounts.map(\.address))))
        let source = AccountRangeStateSource(rpc: GethFixtures.client(node))
        await #expect(throws: AccountRangeError.missingAccountPreimage(hashedAddress: chain.head.state.entries[0].hashedAddress, block: 2)) {
            try await source.checkRequirements(at: chain.head.header.pinnedBlock)
        }
        #expect(node.requestCount(for: "debug_accountRange") == 1)
    }

    /// geth drops storage slots without preimage silently; the account's own storage root gives it away.
    @Test func storageSlotsWithoutPreimageAreCaughtAtTheAccount() async throws {
        let chain = GethFixtures.devnetChain
        let lost = Array(GethFixtures.storageContract.storage.keys.prefix(3))
        let node = try FakeGethNode(chain: chain, knobs: .init(missingStoragePreimages: Set(lost)))
        let source = AccountRangeStateSource(rpc: GethFixtures.client(node))
        let block = chain.blocks[1].header.pinnedBlock
        try await source.checkRequirements(at: block)
        let error = await #expect(throws: AccountRangeError.self) { try await GethFixtures.extract(source, at: block, concurrency: 4) }
        guard case .incompleteStorage(let address, let slots, 1)? = error else { Issue.record("unexpected \(String(describing: error))"); return }
        #expect(address == GethFixtures.storageContract.address)
        #expect(slots < 3_000)
        #expect(error?.description.contains("preimages") == true)
    }

    /// The check asks for neither code nor storage, so a contract coming first is not taken for a damaged one.
    @Test func theRequirementCheckPassesWhenAContractComesFirst() async throws {
        let contracts = (0..<40).map { FakeAccounts.contract(seed: "first-\($0)", slots: 3) }
        let chain = FakeExecutionChain(genesis: contracts)
        let first = try #require(chain.head.state.entries.first)
        #expect(!first.account.code.isEmpty && !first.account.storage.isEmpty)
        let node = try FakeGethNode(chain: chain)
        try await AccountRangeStateSource(rpc: GethFixtures.client(node)).checkRequirements(at: chain.head.header.pinnedBlock)
    }

    @Test func prunedHistoryNamesArchiveMode() async throws {
        let chain = GethFixtures.devnetChain
        let node = try FakeGethNode(chain: chain, knobs: .init(prunedHistory: true))
        let source = AccountRangeStateSource(rpc: GethFixtures.client(node))
        let error = await #expect(throws: AccountRangeError.self) { try await source.checkRequirements(at: chain.blocks[1].header.pinnedBlock) }
        guard case .historicalStateUnavailable(1, let message)? = error else { Issue.record("unexpected \(String(describing: error))"); return }
        #expect(message.contains("missing trie node"))
        #expect(error?.description.contains("--gcmode=archive") == true)
        try await source.checkRequirements(at: chain.head.header.pinnedBlock)
    }

    @Test func aDisabledDebugAPINamesTheFlag() async throws {
        let node = try FakeGethNode(chain: GethFixtures.devnetChain, knobs: .init(debugAPIEnabled: false))
        let source = AccountRangeStateSource(rpc: GethFixtures.client(node))
        let error = await #expect(throws: AccountRangeError.debugAPIDisabled(endpoint: node.url.absoluteString)) {
            try await source.checkRequirements(at: node.chain.head.header.pinnedBlock)
        }
        #expect(error?.description.contains("--http.api=eth,net,web3,debug") == true)
    }

    @Test func anUnknownBlockIsReported() async throws {
        let node = try FakeGethNode(chain: GethFixtures.devnetChain)
        let source = AccountRangeStateSource(rpc: GethFixtures.client(node))
        var block = node.chain.head.header.pinnedBlock
        block.hash = Keccak256.hash([1])
        await #expect(throws: AccountRangeError.blockNotFound(block: 2, hash: block.hash)) { try await source.checkRequirements(at: block) }
    }

    @Test func aSlowNodeTimesOutWithATypedError() async throws {
        let node = try FakeGethNode(chain: FakeExecutionChain(genesis: FakeAccounts.externallyOwned(count: 3, seed: "slow")),
                                    knobs: .init(delay: .seconds(3)))
        let source = AccountRangeStateSource(rpc: GethFixtures.client(node, timeout: .milliseconds(300)))
        let error = await #expect(throws: JSONRPCError.self) {
            try await GethFixtures.extract(source, at: node.chain.head.header.pinnedBlock, concurrency: 2)
        }
        #expect(error?.failure == .transport(.timedOut(seconds: 0.3)))
    }

    /// The 256-account trap: `debug_dumpBlock` stops at 256 accounts without a word; the source never calls it
    /// and reads all 300 accounts.
    @Test func neverUsesTheCappedDump() async throws {
        let chain = FakeExecutionChain(genesis: FakeAccounts.externallyOwned(count: 300, seed: "trap"))
        let node = try FakeGethNode(chain: chain)
        let rpc = GethFixtures.client(node)
        #expect(try await rpc.call("debug_dumpBlock", params: [.string("latest")])["accounts"]?.objectValue?.count == 256)
        let source = AccountRangeStateSource(rpc: rpc)
        for concurrency in [1, 4] {
            let (pages, _) = try await GethFixtures.extract(source, at: chain.head.header.pinnedBlock, concurrency: concurrency)
            #expect(pages.joined().count == 300)
            #expect(try GethFixtures.streamedRoot(pages) == chain.head.header.stateRoot)
        }
        #expect(node.requestCount(for: "debug_dumpBlock") == 1)
    }

    /// A consumer that stops reading stops the fetching: only the window of `concurrency` pages runs ahead.
    @Test func fetchingWaitsForTheConsumer() async throws {
        let node = try FakeGethNode(chain: GethFixtures.devnetChain)
        let source = AccountRangeStateSource(rpc: GethFixtures.client(node))
        let context = StateSourceContext(block: node.chain.head.header.pinnedBlock, concurrency: 4) { _ in }
        var iterator = source.accountPages(context).makeAsyncIterator()
        for _ in 0..<3 { _ = try await iterator.next() }
        try await Task.sleep(for: .milliseconds(500))
        // The first page, then a window of 4 refilled once per page handed out after it.
        #expect(node.requestCount(for: "debug_accountRange") <= 1 + 4 + 2)
    }

    @Test func everyCallNamesThePinnedBlockByHashWithAllSixParameters() async throws {
        let chain = FakeExecutionChain(genesis: FakeAccounts.externallyOwned(count: 3, seed: "params"))
        let node = try FakeGethNode(chain: chain)
        let upstream = GethFixtures.client(node)
        let seen = LockedLog<[JSONValue]>()
        let server = try JSONRPCTestServer { method, params in
            seen.append(params)
            return try await upstream.call(method, params: params)
        }
        let source = AccountRangeStateSource(rpc: JSONRPCClient(endpoint: server.url))
        let block = chain.head.header.pinnedBlock
        try await source.checkRequirements(at: block)
        _ = try await GethFixtures.extract(source, at: block, concurrency: 1)
        let calls = seen.all
        #expect(calls.count == 2)
        #expect(calls[0] == [.string(Hex.encode(block.hash)), .string(Hex.encode([UInt8](repeating: 0, count: 32))), .integer(1), .bool(true), .bool(true), .bool(true)])
        #expect(calls[1] == [.string(Hex.encode(block.hash)), .string(Hex.encode([UInt8](repeating: 0, count: 32))), .integer(256), .bool(false), .bool(false), .bool(true)])
    }
}
