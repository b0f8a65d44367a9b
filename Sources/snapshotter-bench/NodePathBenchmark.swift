import Foundation
import GethPlugin
import SnapshotKit
import SnapshotTestSupport
import SnapshotterCLI

/// The node path on a long chain and a big state, against the fake nodes of `SnapshotTestSupport` in this process
/// over loopback HTTP: the universal (trace + proof) source over `NODEPATH_BLOCKS` blocks (default 100,000), and
/// geth's `debug_accountRange` source over `NODEPATH_ACCOUNTS` accounts (default 1,000,000). Every page is hashed
/// into the state root, which must be the block's.
///
/// Memory is the growth of resident memory over its level once the fake node holds its chain, sampled as the source
/// reports progress: by 10% of the run, by its end, and over the whole run. Flat memory shows as the same figure by
/// 10% and by 100%.
struct NodePathBenchmark: BenchmarkSection {
    let name = "nodepath"
    let summary = "universal source over 100,000 blocks and debug_accountRange over 1,000,000 accounts: rate and memory at 10% and 100%"

    func run() async throws {
        let blocks = try Self.size("NODEPATH_BLOCKS", default: 100_000)
        let accounts = try Self.size("NODEPATH_ACCOUNTS", default: 1_000_000)
        var rows: [[String]] = []
        rows.append(try await universal(blocks: blocks))
        for concurrency in [1, 8] { rows.append(try await accountRange(accounts: accounts, concurrency: concurrency)) }
        print("  wall-clock rates; resident memory growth over the level with the fake node's chain loaded: the highest seen by 10% and")
        print("  by 100% of the blocks traced (universal) or of the key space read (range), and over the whole run (universal: with the proofs)")
        print(Format.table(header: ["source", "size", "in flight", "wall time", "rate", "by 10%", "by 100%", "whole run"], rows: rows))
    }

    /// The value of the environment variable `name` (a positive count, `_` allowed), or `fallback`.
    private static func size(_ name: String, default fallback: Int) throws -> Int {
        guard let text = ProcessInfo.processInfo.environment[name] else { return fallback }
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")), value > 0 else {
            throw BenchmarkFailure("\(name)=\(text) is not a positive count")
        }
        return value
    }

    // MARK: - Universal source

    /// The universal source over a chain of `blocks` blocks, 8 calls in flight. Memory milestones follow the tracing
    /// (10% and 100% of the blocks); the whole run also covers the proofs that follow, whose answers for the system
    /// contracts' thousands of slots are the largest thing in flight.
    private func universal(blocks: Int) async throws -> [String] {
        let building = ContinuousClock.now
        let chain = Self.longChain(blocks: blocks)
        let node = try FakeTracingNode(chain: chain, configuration: .init(traceMethods: [.prestateDiff]),
                                       limits: .init(lifetime: .seconds(7_200), maxRequests: .max))
        let block = node.pinnedBlock()
        let rpc = JSONRPCClient(endpoint: node.url, configuration: .init(timeout: .seconds(60), maxAttempts: 1))
        // The node builds the proving tries of the pinned state at its first proof: build them before measuring.
        _ = try await rpc.call("eth_getProof", params: [.string(SystemContract.beaconRoots.address.description), .array([]),
                                                         .string("0x" + String(block.number, radix: 16))])
        let parameters = try GenesisParameters(json: .object([
            ("config", .object([("chainId", .integer(1337))])), ("gasLimit", .string("0x1c9c380")), ("difficulty", .string("0x0")),
        ]))
        let source = UniversalStateSource(rpc: rpc, originalGenesis: GenesisFile(parameters: parameters, alloc: chain.genesis))
        print("  universal: \(ProgressRenderer.grouped(blocks)) blocks built in \(Self.seconds(since: building)); "
              + "resident memory with the node's chain: \(Format.bytes(residentMemoryBytes()))")

        let memory = MemoryCurve()
        let started = ContinuousClock.now
        var builder = StateRootBuilder()
        let context = StateSourceContext(block: block, concurrency: 8) { progress in
            memory.sample(progress: progress.phase == "tracing blocks" ? progress.fraction : nil)
        }
        for try await page in source.accountPages(context) {
            for account in page { try builder.append(account) }
        }
        let seconds = (ContinuousClock.now - started).seconds
        let growth = memory.growth
        let (count, root) = (builder.count, builder.finish())
        guard root == block.stateRoot else {
            throw BenchmarkFailure("universal: \(count) accounts, root \(Hex.encode(root)), expected \(Hex.encode(block.stateRoot))")
        }
        return ["universal (trace + proof)", "\(ProgressRenderer.grouped(blocks)) blocks, \(ProgressRenderer.grouped(count)) accounts", "8",
                String(format: "%.1f s", seconds), "\(ProgressRenderer.grouped(Int(Double(blocks) / seconds))) blocks/s",
                growth.byTenth, growth.byEnd, growth.peak]
    }

    /// A devnet-like chain on the fixture's genesis (with the four system contracts): in every block alice pays one
    /// of 1,000 recipients, a contract writes a new slot and clears the one before, four proposers take turns and one
    /// of 16 addresses gets a withdrawal. The final state stays small however long the chain.
    static func longChain(blocks: Int) -> FakeTracingChain {
        typealias A = FakeTracingChain.FixtureAddress
        var chain = FakeTracingChain(genesis: FakeTracingChain.fixture().genesis, keepsEveryState: false)
        func address(_ kind: String, _ index: Int) -> Address {
            FakeAccounts.address(from: Keccak256.hash(Array("nodepath/\(kind)/\(index)".utf8)))
        }
        let recipients = (0..<1_000).map { address("recipient", $0) }
        let proposers = (0..<4).map { address("proposer", $0) }
        let withdrawals = (0..<16).map { address("withdrawal", $0) }
        for number in 1...blocks {
            var edits: [FakeTracingChain.Edit] = [
                .bumpNonce(A.alice), .debit(A.alice, UInt256(1)), .credit(recipients[number % recipients.count], UInt256(1)),
                .store(A.store, slot: UInt256(UInt64(number + 1)), value: UInt256(UInt64(number))),
            ]
            if number > 1 { edits.append(.store(A.store, slot: UInt256(UInt64(number)), value: .zero)) }
            chain.append(miner: proposers[number % proposers.count], transactions: [.init(edits)],
                         withdrawals: [.init(index: UInt64(number), validatorIndex: UInt64(number % 64),
                                             address: withdrawals[number % withdrawals.count], amount: 1)])
        }
        chain.sealHead()
        return chain
    }

    // MARK: - Range source

    /// geth's `debug_accountRange` source over `count` accounts (every 1,000th a contract with 16 slots).
    private func accountRange(accounts count: Int, concurrency: Int) async throws -> [String] {
        let building = ContinuousClock.now
        let contracts = count / 1_000
        let node = try FakeGethNode(
            chain: FakeExecutionChain(genesis: FakeAccounts.externallyOwned(count: count - contracts, seed: "nodepath")
                + (0..<contracts).map { FakeAccounts.contract(seed: "nodepath-\($0)", slots: 16, codeBytes: 256) }),
            limits: .init(lifetime: .seconds(7_200), maxRequests: .max))
        let block = node.chain.head.header.pinnedBlock
        print("  debug_accountRange, \(concurrency) in flight: \(ProgressRenderer.grouped(count)) accounts built in "
              + "\(Self.seconds(since: building)); resident memory with the node's state: \(Format.bytes(residentMemoryBytes()))")

        let rpc = JSONRPCClient(endpoint: node.url, configuration: .init(timeout: .seconds(60), maxAttempts: 1))
        let memory = MemoryCurve()
        let started = ContinuousClock.now
        var builder = StateRootBuilder()
        let context = StateSourceContext(block: block, concurrency: concurrency) { memory.sample(progress: $0.fraction) }
        for try await page in AccountRangeStateSource(rpc: rpc).accountPages(context) {
            for account in page { try builder.append(account) }
        }
        let seconds = (ContinuousClock.now - started).seconds
        let growth = memory.growth
        let (read, root) = (builder.count, builder.finish())
        guard read == count, root == block.stateRoot else {
            throw BenchmarkFailure("debug_accountRange: \(read) accounts, root \(Hex.encode(root)), expected \(count) and \(Hex.encode(block.stateRoot))")
        }
        return ["debug_accountRange (geth)", "\(ProgressRenderer.grouped(count)) accounts", "\(concurrency)",
                String(format: "%.1f s", seconds), "\(ProgressRenderer.grouped(Int(Double(count) / seconds))) accounts/s",
                growth.byTenth, growth.byEnd, growth.peak]
    }

    private static func seconds(since start: ContinuousClock.Instant) -> String {
        String(format: "%.1f s", (ContinuousClock.now - start).seconds)
    }
}

/// Resident memory growth over the level at creation, sampled as a run reports progress: the highest growth seen
/// by the time the run's progress first reached 10% and 100%, and over the whole run.
private final class MemoryCurve: @unchecked Sendable {
    private let lock = NSLock()
    private let baseline = residentMemoryBytes()
    private var highest = 0
    private var calls = 0
    private var byTenth: Int?
    private var byEnd: Int?

    /// Reads the resident size at every 16th call (reading /proc costs about as much as a page of accounts) and at
    /// the first report at or past each milestone. `progress` is the run's progress, `nil` for reports outside it.
    func sample(progress: Double?) {
        lock.withLock {
            calls += 1
            let crossesTenth = byTenth == nil && (progress ?? 0) >= 0.1
            let crossesEnd = byEnd == nil && (progress ?? 0) >= 1
            if calls % 16 == 1 || crossesTenth || crossesEnd { highest = max(highest, residentMemoryBytes() - baseline) }
            if crossesTenth { byTenth = highest }
            if crossesEnd { byEnd = highest }
        }
    }

    /// The growth by 10% of the run's progress, by 100%, and over the whole run (read once more now).
    var growth: (byTenth: String, byEnd: String, peak: String) {
        lock.withLock {
            highest = max(highest, residentMemoryBytes() - baseline)
            return (Format.bytes(max(0, byTenth ?? highest)), Format.bytes(max(0, byEnd ?? highest)), Format.bytes(max(0, highest)))
        }
    }
}
