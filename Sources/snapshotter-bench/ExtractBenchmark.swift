import Foundation
import SnapshotKit

/// The extraction pipeline as `create` runs it — order checks, streaming state root and verification, and the EL
/// genesis written to a file — over a synthetic state, with the resident memory it takes on top of the source.
struct ExtractBenchmark: BenchmarkSection {
    let name = "extract"
    let summary = "accounts/s and memory of extraction + verification + genesis writing (synthetic 1,000,000-account state)"

    private let sizes = [250_000, 1_000_000]

    func run() async throws {
        var rows: [[String]] = []
        for count in sizes {
            let source = SyntheticStateSource(count: count)
            rows.append(try await measureRootOnly(source))
            rows.append(try await measurePipeline(source))
        }
        print("  wall-clock rates; memory is the growth of resident memory while the pipeline runs, sampled at every page")
        print(Format.table(header: ["accounts", "pass", "accounts/s", "seconds", "memory growth", "genesis.json"], rows: rows))
    }

    /// Generation and the streaming state root only: what the pipeline costs without writing.
    private func measureRootOnly(_ source: SyntheticStateSource) async throws -> [String] {
        let memory = MemorySampler()
        let started = ContinuousClock.now
        var builder = StateRootBuilder()
        let block = PinnedBlock(number: 0, hash: [], stateRoot: [], timestamp: 0, gasLimit: 0, baseFeePerGas: nil, extraData: [])
        for try await page in source.accountPages(StateSourceContext(block: block, concurrency: 1) { _ in memory.sample() }) {
            for account in page { try builder.append(account) }
        }
        blackHole(builder.finish())
        let seconds = (ContinuousClock.now - started).seconds
        return [ProgressRenderer.grouped(source.count), "generate + state root", rate(source.count, seconds),
                String(format: "%.1f", seconds), memory.growth, "-"]
    }

    /// The whole pipeline: `StateExtractor` verifying against the root, `ELGenesisBuilder` writing the genesis file.
    private func measurePipeline(_ source: SyntheticStateSource) async throws -> [String] {
        let root = try await stateRoot(of: source)
        let block = PinnedBlock(number: 1, hash: [UInt8](repeating: 1, count: 32), stateRoot: root, timestamp: 1_700_000_000,
                                gasLimit: 60_000_000, baseFeePerGas: UInt256(7), extraData: [])
        let config = try ChainConfig(json: JSONParser.parse(#"{"chainId": 1337, "londonBlock": 0, "terminalTotalDifficulty": 0, "shanghaiTime": 0}"#))
        let genesis = GenesisParameters(config: config, gasLimit: 60_000_000, difficulty: .zero)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bench-genesis-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }

        let memory = MemorySampler()
        let started = ContinuousClock.now
        let extractor = StateExtractor(source: source, block: block, concurrency: 1) { _ in memory.sample() }
        let result = try await ELGenesisBuilder(sourceGenesis: genesis, block: block).write(extractor, to: url)
        let seconds = (ContinuousClock.now - started).seconds
        return [ProgressRenderer.grouped(source.count), "extract + verify + write genesis", rate(result.state.accounts, seconds),
                String(format: "%.1f", seconds), memory.growth, Format.bytes(result.bytes)]
    }

    /// The root the pipeline must reproduce, computed with the plain streaming builder.
    private func stateRoot(of source: SyntheticStateSource) async throws -> [UInt8] {
        var builder = StateRootBuilder()
        let block = PinnedBlock(number: 0, hash: [], stateRoot: [], timestamp: 0, gasLimit: 0, baseFeePerGas: nil, extraData: [])
        for try await page in source.accountPages(StateSourceContext(block: block, concurrency: 1) { _ in }) {
            for account in page { try builder.append(account) }
        }
        return builder.finish()
    }

    private func rate(_ accounts: Int, _ seconds: Double) -> String {
        ProgressRenderer.grouped(Int((Double(accounts) / seconds).rounded()))
    }
}

/// The most resident memory seen above the level at creation.
private final class MemorySampler: @unchecked Sendable {
    private let lock = NSLock()
    private let baseline = currentResidentMemoryBytes()
    private var highest = 0
    private var calls = 0

    /// Reads the resident size (every 16th call: reading /proc costs about as much as a page of accounts).
    func sample() {
        lock.lock()
        defer { lock.unlock() }
        calls += 1
        guard calls % 16 == 1 else { return }
        highest = max(highest, currentResidentMemoryBytes())
    }

    var growth: String {
        lock.lock()
        defer { lock.unlock() }
        return Format.bytes(max(0, highest - baseline))
    }
}

/// The process's resident set size now, in bytes (`VmRSS` on Linux, 0 elsewhere).
func currentResidentMemoryBytes() -> Int {
    #if os(Linux)
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
       let kilobytes = Int(line.dropFirst("VmRSS:".count).dropLast(" kB".count).trimmingCharacters(in: .whitespaces)) {
        return kilobytes * 1024
    }
    #endif
    return 0
}
