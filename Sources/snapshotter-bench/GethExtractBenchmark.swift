import Foundation
import GethPlugin
import SnapshotKit
import SnapshotTestSupport

/// Extraction rate of geth's `debug_accountRange` source against the fake geth node over loopback HTTP, at one and
/// at eight calls in flight, and the memory the extraction adds to the node's own state.
///
/// The node runs in this process and shares the cores with the source: its JSON encoding costs about as much as
/// the source's decoding, so the figures are a floor for what a real geth on another machine allows.
struct GethExtractBenchmark: BenchmarkSection {
    let name = "geth-extract"
    let summary = "accounts/s reading ~100,000 accounts from a fake geth via debug_accountRange"

    private let externallyOwned = 99_000
    private let contracts = 1_000
    private let slotsPerContract = 16

    func run() async throws {
        let accounts = FakeAccounts.externallyOwned(count: externallyOwned, seed: "bench")
            + (0..<contracts).map { FakeAccounts.contract(seed: "bench-\($0)", slots: slotsPerContract, codeBytes: 1_024) }
        let node = try FakeGethNode(chain: FakeExecutionChain(genesis: accounts))
        let block = node.chain.head.header.pinnedBlock
        print("  \(accounts.count) accounts (\(contracts) contracts with \(slotsPerContract) slots); resident memory with the node's state: \(Format.bytes(residentMemoryBytes()))")

        var rows: [[String]] = []
        for concurrency in [1, 8] {
            let rpc = JSONRPCClient(endpoint: node.url, configuration: .init(timeout: .seconds(60), maxAttempts: 1))
            let calls = node.requestCount(for: "debug_accountRange")
            let before = resetPeakResidentMemory()
            let clock = ContinuousClock()
            let start = clock.now
            var builder = StateRootBuilder()
            let context = StateSourceContext(block: block, concurrency: concurrency) { _ in }
            for try await page in AccountRangeStateSource(rpc: rpc).accountPages(context) {
                for account in page { try builder.append(account) }
            }
            let seconds = (clock.now - start).seconds
            let (count, root) = (builder.count, builder.finish())
            guard count == accounts.count, root == block.stateRoot else {
                throw BenchmarkFailure("concurrency \(concurrency): \(count) accounts, root \(Hex.encode(root)), expected \(accounts.count) and \(Hex.encode(block.stateRoot))")
            }
            rows.append([
                "\(concurrency)",
                String(format: "%.2f s", seconds),
                String(format: "%.0f accounts/s", Double(count) / seconds),
                "\(node.requestCount(for: "debug_accountRange") - calls)",
                Format.bytes(peakResidentMemoryBytes() - before),
            ])
        }
        print("  each page is hashed into a state root as the pipeline does")
        print(Format.table(header: ["in flight", "wall time", "rate", "calls", "peak resident growth"], rows: rows))
    }
}
