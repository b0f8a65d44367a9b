import Foundation
import Testing
@testable import SnapshotKit
import SnapshotTestSupport

/// The universal source end to end against a fake tracing node on the loopback interface.
@Suite struct UniversalStateSourceTests {
    typealias A = FakeTracingChain.FixtureAddress

    /// Progress reports with the time they arrived, collected from any task.
    final class ProgressLog: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [(at: ContinuousClock.Instant, report: StateProgress)] = []
        func append(_ report: StateProgress) { lock.withLock { entries.append((ContinuousClock.now, report)) } }
        var all: [StateProgress] { lock.withLock { entries.map(\.report) } }
        /// When the last report of `phase` arrived.
        func end(of phase: String) -> ContinuousClock.Instant? { lock.withLock { entries.last { $0.report.phase == phase }?.at } }
    }

    static func source(_ node: FakeTracingNode, genesis: [Account]? = nil,
                       options: UniversalStateSource.Options = .init()) -> UniversalStateSource {
        let rpc = JSONRPCClient(endpoint: node.url, configuration: .init(timeout: .seconds(20), maxAttempts: 1))
        let parameters = try! GenesisParameters(json: .object([
            ("config", .object([("chainId", .integer(1337))])), ("gasLimit", .string("0x1c9c380")), ("difficulty", .string("0x0")),
        ]))
        let genesisFile = GenesisFile(parameters: parameters, alloc: genesis ?? node.chain.genesis)
        return UniversalStateSource(rpc: rpc, originalGenesis: genesisFile, options: options)
    }

    /// Every page of the source, checked to come in ascending hashed order, with the state root they make.
    static func extract(_ source: UniversalStateSource, at block: PinnedBlock, concurrency: Int = 4,
                        log: ProgressLog = ProgressLog()) async throws -> (accounts: [Account], root: [UInt8]) {
        var builder = StateRootBuilder()
        var accounts: [Account] = []
        let context = StateSourceContext(block: block, concurrency: concurrency) { log.append($0) }
        for try await page in source.accountPages(context) {
            #expect(!page.isEmpty)
            for account in page { try builder.append(account) }
            accounts += page
        }
        return (accounts, builder.finish())
    }

    static func expectExact(_ accounts: [Account], _ state: [Address: Account]) {
        #expect(accounts.count == state.count)
        for account in accounts { #expect(account == state[account.address], "\(account.address)") }
    }

    @Test(arguments: TraceMethod.allCases)
    func eachTraceFormatRebuildsTheState(_ method: TraceMethod) async throws {
        let node = try FakeTracingNode(chain: .fixture(), configuration: .init(traceMethods: [method]))
        let source = Self.source(node)
        let block = node.pinnedBlock()
        try await source.checkRequirements(at: block)
        #expect(try await source.traceMethod() == method)
        let (accounts, root) = try await Self.extract(source, at: block)
        #expect(root == block.stateRoot)
        Self.expectExact(accounts, try #require(node.chain.blocks.last?.state))
        #expect(node.server.requestCount(for: method.methodName) == 1 + 5)
        #expect(node.server.requestCount(for: TraceMethod.allCases.first { $0 != method }!.methodName) <= 1)

        let present = Set(accounts.map(\.address))
        #expect(present.contains(A.empty), "an empty account of the alloc exists")
        #expect(!present.contains(A.doomed), "a self-destructed account is gone")
        #expect(present.isSuperset(of: [A.withdrawalOnly, A.secondWithdrawal, A.firstProposer, A.secondProposer, A.heir, A.newcomer]))
    }

    /// Withdrawal recipients, fee recipients and system-contract slots appear in no trace, yet are all read.
    @Test func changesNoTraceShowsAreRead() async throws {
        let chain = FakeTracingChain.fixture()
        let traces = chain.blocks.map { JSONWriter.string($0.prestateDiffTrace) + JSONWriter.string($0.stateDiffTrace) }.joined()
        let hiddenAddresses = [A.withdrawalOnly, A.secondWithdrawal, A.firstProposer, A.secondProposer,
                               FakeTracingChain.SystemAddress.beaconRoots]
        for hidden in hiddenAddresses {
            #expect(!traces.contains(hidden.description), "\(hidden) is in a trace")
        }
        let node = try FakeTracingNode(chain: chain)
        let (accounts, root) = try await Self.extract(Self.source(node), at: node.pinnedBlock())
        #expect(root == node.pinnedBlock().stateRoot)
        let byAddress = Dictionary(uniqueKeysWithValues: accounts.map { ($0.address, $0) })
        #expect(byAddress[A.withdrawalOnly]?.balance == UInt256(42_000_000_000))
        #expect(byAddress[A.secondWithdrawal]?.balance == UInt256(1_000_000_000_000_000_000))
        #expect(byAddress[FakeTracingChain.SystemAddress.beaconRoots]?.storage.count == 10)
        #expect(byAddress[FakeTracingChain.SystemAddress.historyStorage]?.storage.count == 5)

        // Three requests were queued in block 3 and dequeued by the untraced system call: excess = 3 - 2, in slot 0,
        // which no transaction of block 3 wrote.
        let third = node.pinnedBlock(3)
        #expect(!JSONWriter.string(chain.blocks[3].prestateDiffTrace).contains(UInt256(0).bigEndianBytes.hexString))
        let (atThird, thirdRoot) = try await Self.extract(Self.source(node), at: third)
        #expect(thirdRoot == third.stateRoot)
        let requests = try #require(atThird.first { $0.address == FakeTracingChain.SystemAddress.withdrawalRequests })
        #expect(requests.storage[UInt256(0).bigEndianBytes] == UInt256(1))
    }

    @Test func anEarlierBlockAndTheGenesisBlock() async throws {
        let node = try FakeTracingNode(chain: .fixture())
        let third = node.pinnedBlock(3)
        let (accounts, root) = try await Self.extract(Self.source(node), at: third)
        #expect(root == third.stateRoot)
        Self.expectExact(accounts, try #require(node.chain.blocks[3].state))

        let tracesBefore = node.server.requestCount(for: "debug_traceBlockByNumber")
        let genesis = node.pinnedBlock(0)
        let (initial, genesisRoot) = try await Self.extract(Self.source(node), at: genesis)
        #expect(genesisRoot == genesis.stateRoot)
        #expect(initial.count == node.chain.genesis.count)
        #expect(node.server.requestCount(for: "debug_traceBlockByNumber") == tracesBefore)
    }

    @Test func smallProofCallsAndBatchesInAnyOrder() async throws {
        let node = try FakeTracingNode(chain: .fixture())
        node.server.batchOrder = .reversed
        let options = UniversalStateSource.Options(slotsPerProofCall: 2, proofCallsPerBatch: 3, slotsPerProofBatch: 4, pageSize: 3)
        let log = ProgressLog()
        let (accounts, root) = try await Self.extract(Self.source(node, options: options), at: node.pinnedBlock(), concurrency: 3, log: log)
        #expect(root == node.pinnedBlock().stateRoot)
        Self.expectExact(accounts, try #require(node.chain.blocks.last?.state))

        let reports = log.all
        let tracing = reports.filter { $0.phase == "tracing blocks" }
        #expect(tracing.map { $0.phaseUnits ?? 0 }.sorted() == [1, 2, 3, 4, 5])
        #expect(tracing.last?.fraction == 1)
        let proving = reports.filter { $0.phase == "reading proofs" }
        #expect(proving.last?.fraction == 1)
        #expect(proving.map(\.accounts) == proving.map(\.accounts).sorted())
        #expect(reports.firstIndex { $0.phase == "reading proofs" }! > reports.lastIndex { $0.phase == "tracing blocks" }!)
    }

    @Test func aNodeWithoutTracingIsTold() async throws {
        let node = try FakeTracingNode(chain: .fixture(), configuration: .init(traceMethods: []))
        let source = Self.source(node)
        let error = await #expect(throws: UniversalSourceError.self) { try await source.checkRequirements(at: node.pinnedBlock()) }
        #expect(error?.description == "the node offers no usable tracing API ("
            + "debug_traceBlockByNumber (prestateTracer, diffMode): RPC error -32601 "
            + "\"the method debug_traceBlockByNumber does not exist/is not available\"; "
            + "trace_replayBlockTransactions (stateDiff): RPC error -32601 "
            + "\"the method trace_replayBlockTransactions does not exist/is not available\")"
            + " — enable the debug (prestateTracer) or trace (trace_replayBlockTransactions) JSON-RPC namespace, "
            + "on a node that keeps the state of every block (archive)")
        await #expect(throws: UniversalSourceError.self) { _ = try await Self.extract(source, at: node.pinnedBlock()) }

        let refined = NodeRequirement(id: "tracing", summary: "tracing", remedy: "add DEBUG,TRACE to --rpc-http-api")
        let plugin = Self.source(node, options: .init(tracingRequirement: refined))
        #expect(plugin.requirements.map(\.id) == ["original-genesis", "tracing", "proofs"])
        let refinedError = await #expect(throws: UniversalSourceError.self) { try await plugin.traceMethod() }
        #expect(refinedError?.description.hasSuffix(" — add DEBUG,TRACE to --rpc-http-api") == true)
    }

    @Test func aStorageWriteNoTraceShowsNamesTheAccount() async throws {
        let node = try FakeTracingNode(chain: .fixture(untracedStorageWrite: true))
        let error = await #expect(throws: UniversalSourceError.self) {
            _ = try await Self.extract(Self.source(node), at: node.pinnedBlock())
        }
        guard case .incompleteStorage(let address, let slotsRead, _, let expected)? = error else {
            Issue.record("expected incomplete storage, got \(String(describing: error))"); return
        }
        #expect(address == A.token)
        #expect(slotsRead == 1)
        #expect(expected == StateRoot.storageRoot(try #require(node.chain.blocks.last?.state?[A.token]?.storage)))
        #expect(error?.description.hasPrefix("storage of \(A.token) is incomplete: 1 slots read, storage root ") == true)
        #expect(error?.description.hasSuffix(" — a slot was written that no trace reported") == true)
    }

    @Test(arguments: [FakeTracingNode.ProofFault.staleState, .tamperedNode])
    func proofsThatDoNotMatchTheStateRootAreRejected(_ fault: FakeTracingNode.ProofFault) async throws {
        let node = try FakeTracingNode(chain: .fixture(), configuration: .init(proofFault: fault))
        let error = await #expect(throws: AccountProofError.self) { _ = try await Self.extract(Self.source(node), at: node.pinnedBlock()) }
        guard case .doesNotVerify(_, let stateRoot, _)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(stateRoot == node.pinnedBlock().stateRoot)
    }

    @Test func theGenesisMustBeTheChains() async throws {
        let node = try FakeTracingNode(chain: .fixture())
        let other = node.chain.genesis.filter { $0.address != A.empty }
        let error = await #expect(throws: UniversalSourceError.self) {
            try await Self.source(node, genesis: other).checkRequirements(at: node.pinnedBlock())
        }
        #expect(error == .genesisMismatch(allocRoot: StateRoot.of(other), chainRoot: node.chain.blocks[0].stateRoot))

        let environment = StateSourceEnvironment(rpc: JSONRPCClient(endpoint: node.url), originalGenesis: nil, preference: nil)
        #expect(throws: UniversalSourceError.missingOriginalGenesis) { try UniversalStateSource(environment) }
        #expect(UniversalSourceError.missingOriginalGenesis.description.hasPrefix(
            "the universal source needs the source chain's original genesis (pass --genesis-dir, "
                + "or use an enclave whose el_cl_genesis_data artefact holds genesis.json)"))
    }

    @Test func aBlockTheNodeCannotTraceIsNamed() async throws {
        let node = try FakeTracingNode(chain: .fixture(), configuration: .init(traceMethods: [.stateDiff], untraceableBlocks: [4]))
        let error = await #expect(throws: UniversalSourceError.self) {
            _ = try await Self.extract(Self.source(node), at: node.pinnedBlock())
        }
        guard case .traceFailed(let block, let method, let rpcError)? = error else {
            Issue.record("got \(String(describing: error))"); return
        }
        #expect(block == 4)
        #expect(method == "trace_replayBlockTransactions")
        #expect(rpcError.rpcCode == -32000)
        #expect(error?.description.hasPrefix(
            "could not trace block 4 with trace_replayBlockTransactions: trace_replayBlockTransactions failed at ") == true)
    }

    /// A chain of `blocks` blocks after the fixture's genesis (without system contracts), each moving wei from alice
    /// to five fresh accounts; `churn` also writes slot `n` of `store` in block `n` and clears slot `n - 1`.
    static func longChain(blocks: Int, churn: Bool = false) -> FakeTracingChain {
        let systemContracts = Set(SystemContract.allCases.map(\.address))
        var chain = FakeTracingChain(genesis: FakeTracingChain.fixture().genesis.filter { !systemContracts.contains($0.address) })
        for number in 1...blocks {
            func fresh(_ index: Int) -> Address { Address(bytes: Keccak256.hash(Array("\(number)/\(index)".utf8)).suffix(20))! }
            var edits: [FakeTracingChain.Edit] = [.bumpNonce(A.alice), .debit(A.alice, UInt256(5))]
            edits += (0..<5).map { .credit(fresh($0), UInt256(1)) }
            if churn {
                edits.append(.store(A.store, slot: UInt256(UInt64(number + 10)), value: UInt256(1)))
                if number > 1 { edits.append(.store(A.store, slot: UInt256(UInt64(number + 9)), value: .zero)) }
            }
            chain.append(miner: A.firstProposer, transactions: [.init(edits)])
        }
        return chain
    }

    /// Blocks are traced through a window: while block 2's trace is held back, no block `concurrency` or more past
    /// the lowest block not yet answered is asked for (checked by the node at every trace request).
    @Test func tracingStaysAWindowAheadOfTheOldestBlock() async throws {
        let chain = Self.longChain(blocks: 40)
        let concurrency = 4
        // Answers per block (block 1 is traced twice: once to detect the method), and requests past the window.
        let log = LockedState((answers: [UInt64: Int](), outside: [String](), held: false))
        // Answered on the node's own threads: the check never waits for Swift's cooperative pool.
        let node = try FakeTracingNode(chain: chain, configuration: .init(traceMethods: [.prestateDiff], clientMethods: { method, params, chain in
            guard method == TraceMethod.prestateDiff.methodName, let number = params.first?.stringValue.flatMap(Quantity.uint64(text:)),
                  number < UInt64(chain.blocks.count) else { return nil }
            let hold = log.withLock { log in
                let unanswered = (1...UInt64(40)).first { (log.answers[$0] ?? 0) < ($0 == 1 ? 2 : 1) }
                let lowest: UInt64 = unanswered ?? 41
                if number >= lowest + UInt64(concurrency) { log.outside.append("block \(number) while block \(lowest) was unanswered") }
                defer { if number == 2 { log.held = true } }
                return number == 2 && !log.held
            }
            if hold { Thread.sleep(forTimeInterval: 0.3) }
            log.withLock { $0.answers[number, default: 0] += 1 }
            return chain.blocks[Int(number)].prestateDiffTrace
        }))
        let (_, root) = try await Self.extract(Self.source(node), at: node.pinnedBlock(), concurrency: concurrency)
        #expect(root == node.pinnedBlock().stateRoot)
        #expect(log.withLock { $0.outside } == [])
        #expect(log.withLock { $0.answers.values.reduce(0, +) } == 41)
    }

    /// Pages are proven as they are asked for: a consumer that stops after one page leaves the rest of the accounts
    /// unproven but for the window of batches started ahead.
    @Test func provingWaitsForTheConsumer() async throws {
        let node = try FakeTracingNode(chain: Self.longChain(blocks: 40))
        let options = UniversalStateSource.Options(proofCallsPerBatch: 5, pageSize: 10)
        let context = StateSourceContext(block: node.pinnedBlock(), concurrency: 2) { _ in }
        var pages = Self.source(node, options: options).accountPages(context).makeAsyncIterator()
        #expect(try await pages.next()?.count == 10)
        try await Task.sleep(for: .milliseconds(300))
        // Two batches filled the page; two more were started behind them.
        #expect(node.server.requestCount(for: "eth_getProof") <= (10 / 5 + 2) * 5)
        #expect(node.chain.head.count > 200)
    }

    /// A contract that writes a new slot in every block and clears the previous one ends with one of them (and its two
    /// genesis slots): that is all the tracing keeps and all that is proven, for either trace format.
    @Test(arguments: TraceMethod.allCases)
    func slotsClearedForGoodAreForgotten(_ method: TraceMethod) async throws {
        let node = try FakeTracingNode(chain: Self.longChain(blocks: 60, churn: true), configuration: .init(traceMethods: [method]))
        let log = ProgressLog()
        let (accounts, root) = try await Self.extract(Self.source(node), at: node.pinnedBlock(), log: log)
        #expect(root == node.pinnedBlock().stateRoot)
        let finalSlots = try #require(node.chain.blocks.last?.state).values.reduce(0) { $0 + $1.storage.count }
        #expect(finalSlots == 3)
        #expect(accounts.reduce(0) { $0 + $1.storage.count } == finalSlots)
        #expect(log.all.last { $0.phase == "tracing blocks" }?.storageSlots == finalSlots, "only the live slot is kept")
        #expect(log.all.last?.storageSlots == finalSlots, "only the live slot is proven")
    }

    /// A long chain in which every block creates accounts and writes storage: blocks traced and accounts proven per
    /// second over loopback. Run with UNIVERSAL_BENCH=1; prints one line.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["UNIVERSAL_BENCH"] != nil))
    func throughput() async throws {
        let blocks = 1000
        var chain = FakeTracingChain(genesis: FakeTracingChain.fixture().genesis, keepsEveryState: false)
        for number in 1...blocks {
            func fresh(_ index: Int) -> Address { Address(bytes: Keccak256.hash(Array("\(number)/\(index)".utf8)).suffix(20))! }
            chain.append(miner: A.firstProposer, transactions: [
                .init([.bumpNonce(A.alice), .debit(A.alice, UInt256(2)), .credit(fresh(0), UInt256(1)), .credit(fresh(1), UInt256(1))]),
                .init([.bumpNonce(A.bob), .deploy(fresh(2), code: [0x60, UInt8(number % 256)]),
                       .store(fresh(2), slot: UInt256(1), value: UInt256(UInt64(number))),
                       .store(A.store, slot: UInt256(UInt64(number)), value: UInt256(1))]),
            ])
        }
        chain.sealHead()
        let node = try FakeTracingNode(chain: chain, configuration: .init(traceMethods: [.prestateDiff]))
        let log = ProgressLog()
        let source = Self.source(node)
        try await source.checkRequirements(at: node.pinnedBlock())
        let start = ContinuousClock.now
        let (accounts, root) = try await Self.extract(source, at: node.pinnedBlock(), concurrency: 8, log: log)
        #expect(root == node.pinnedBlock().stateRoot)
        let traced = try #require(log.end(of: "tracing blocks")) - start
        let proven = try #require(log.end(of: "reading proofs")) - start - traced
        let checked = try #require(log.all.last?.accounts)
        func perSecond(_ count: Int, _ time: Duration) -> Int {
            Int(Double(count) / time.seconds)
        }
        print("universal source over loopback: \(blocks) blocks traced in \(traced) (\(perSecond(blocks, traced))/s); "
              + "\(checked) accounts (\(accounts.count) present, \(log.all.last?.storageSlots ?? 0) slots) "
              + "proven in \(proven) (\(perSecond(checked, proven))/s)")
    }
}
