import Foundation
import GethPlugin
import SnapshotKit
import SnapshotTestSupport

/// Extraction rate of geth's `debug_accountRange` source against the fake geth node over loopback HTTP, at one and
/// at eight calls in flight, and the memory it takes on top of the node's own state.
///
/// The node runs in this process and shares the cores with the source: its JSON encoding costs about as much as
/// the source's decoding, so the figures are a floor for what a real geth on another machine allows.
struct GethExtractBenchmark: BenchmarkSection {
    let name = "geth-extract"
    let summary = "accounts/s reading ~100,000 accounts from a fake geth via debug_accountRange"

    private let externallyOwned = 99_000
    private let contracts = 1_000
    private let slotsPerContract = 16

    func run() throws {
        let accounts = FakeAccounts.externallyOwned(count: externallyOwned, seed: "bench")
            + (0..<contracts).map { FakeAccounts.contract(seed: "bench-\($0)", slots: slotsPerContract, codeBytes: 1_024) }
        let node = try FakeGethNode(chain: FakeExecutionChain(genesis: accounts))
        let block = node.chain.head.header.pinnedBlock
        let baseline = residentMemoryBytes()
        print("  \(accounts.count) accounts (\(contracts) contracts with \(slotsPerContract) slots); resident memory with the node's state: \(Format.bytes(baseline))")

        var rows: [[String]] = []
        for concurrency in [1, 8] {
            let rpc = JSONRPCClient(endpoint: node.url, configuration: .init(timeout: .seconds(60), maxAttempts: 1))
            let calls = node.requestCount(for: "debug_accountRange")
            let run = try extract(AccountRangeStateSource(rpc: rpc), at: block, concurrency: concurrency)
            guard run.accounts == accounts.count, run.root == block.stateRoot else {
                throw BenchmarkFailure("concurrency \(concurrency): \(run.accounts) accounts, root \(Hex.encode(run.root)), expected \(accounts.count) and \(Hex.encode(block.stateRoot))")
            }
            rows.append([
                "\(concurrency)",
                String(format: "%.2f s", run.seconds),
                String(format: "%.0f accounts/s", Double(run.accounts) / run.seconds),
                "\(node.requestCount(for: "debug_accountRange") - calls)",
                Format.bytes(run.peakResident - baseline),
            ])
        }
        print(Format.table(header: ["in flight", "wall time", "rate", "calls", "peak resident above the node's"], rows: rows))
    }

    /// Reads every page, hashing the accounts into a state root as the pipeline does, and measures the time.
    private func extract(_ source: AccountRangeStateSource, at block: PinnedBlock, concurrency: Int) throws -> (accounts: Int, root: [UInt8], seconds: Double, peakResident: Int) {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let peak = PeakSampler()
        // Detached: the caller holds the main thread, which the main actor's tasks would need.
        Task.detached {
            let clock = ContinuousClock()
            let start = clock.now
            do {
                var builder = StateRootBuilder()
                let context = StateSourceContext(block: block, concurrency: concurrency) { _ in peak.sample() }
                for try await page in source.accountPages(context) {
                    for account in page { try builder.append(account) }
                }
                outcome.set(.success((builder.count, builder.finish(), (clock.now - start).seconds)))
            } catch {
                outcome.set(.failure(error))
            }
            done.signal()
        }
        done.wait()
        let (accounts, root, seconds) = try outcome.get()
        return (accounts, root, seconds, peak.maximum)
    }
}

/// The result of the asynchronous extraction, handed to the waiting thread.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<(Int, [UInt8], Double), any Error> = .failure(BenchmarkFailure("no result"))

    func set(_ value: Result<(Int, [UInt8], Double), any Error>) {
        lock.lock()
        defer { lock.unlock() }
        result = value
    }

    func get() throws -> (Int, [UInt8], Double) {
        lock.lock()
        defer { lock.unlock() }
        return try result.get()
    }
}

/// The largest resident set size seen at the progress reports (one per page).
private final class PeakSampler: @unchecked Sendable {
    private let lock = NSLock()
    private var peak = 0

    func sample() {
        let current = residentMemoryBytes()
        lock.lock()
        defer { lock.unlock() }
        peak = max(peak, current)
    }

    var maximum: Int {
        lock.lock()
        defer { lock.unlock() }
        return peak
    }
}

/// The process's current resident set size in bytes (`VmRSS` on Linux; the peak elsewhere).
func residentMemoryBytes() -> Int {
    #if os(Linux)
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
       let kilobytes = Int(line.dropFirst("VmRSS:".count).dropLast(" kB".count).trimmingCharacters(in: .whitespaces)) {
        return kilobytes * 1024
    }
    #endif
    return peakResidentMemoryBytes()
}
