import Foundation
import SnapshotKit
import SnapshotterCLI

/// The extraction pipeline as `create` runs it — order checks, streaming state root and verification, and the EL
/// genesis written to a file — over a synthetic state, with the resident memory it takes on top of the source.
struct ExtractBenchmark: BenchmarkSection {
    let name = "extract"
    let summary = "accounts/s and memory of extraction + verification + genesis writing (synthetic 1,000,000-account state)"

    private let sizes = [250_000, 1_000_000]
    /// The state written as a dump file and read back with `DumpStateSource` (about 250 bytes an account on disk).
    private let dumpSize = 250_000

    func run() async throws {
        var rows: [[String]] = []
        for count in sizes {
            let source = SyntheticStateSource(count: count)
            rows.append(try await measureRootOnly(source))
            rows.append(try await measurePipeline(source))
            if count == dumpSize { rows.append(try await measureDump(source)) }
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
        try await measureWriting(source, count: source.count, root: try await stateRoot(of: source), pass: "extract + verify + write genesis")
    }

    /// The same over the state written as a `dump --iterative` file first (the writing is not timed).
    private func measureDump(_ source: SyntheticStateSource) async throws -> [String] {
        let root = try await stateRoot(of: source)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bench-dump-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try writeDump(of: source, root: root, to: url)
        let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
        return try await measureWriting(DumpStateSource(url: url), count: source.count, root: root,
                                        pass: "same from a dump file (\(Format.bytes(size)))")
    }

    private func measureWriting(_ source: any StateSource, count: Int, root: [UInt8], pass: String) async throws -> [String] {
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
        return [ProgressRenderer.grouped(count), pass, rate(result.state.accounts, seconds),
                String(format: "%.1f", seconds), memory.growth, Format.bytes(result.bytes)]
    }

    /// Writes the state as `dump --iterative` does: the root line, then one account per line in key order.
    private func writeDump(of source: SyntheticStateSource, root: [UInt8], to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = FileHandle(forWritingAtPath: url.path) else {
            throw BenchmarkFailure("cannot create \(url.path)")
        }
        defer { try? handle.close() }
        var text = #"{"root":"\#(Hex.encode(root))"}"# + "\n"
        for index in 0..<source.count {
            let account = source.account(at: index)
            var members: [(key: String, value: JSONValue)] = [
                ("balance", .string(account.balance.decimalString)), ("nonce", .integer(account.nonce)),
                ("root", .string(Hex.encode(StateRoot.storageRoot(account.storage)))),
                ("codeHash", .string(Hex.encode(Keccak256.hash(account.code)))),
            ]
            if !account.code.isEmpty { members.append(("code", .string(Hex.encode(account.code)))) }
            if !account.storage.isEmpty {
                members.append(("storage", .object(account.storage.map { (Hex.encode($0.key), .string(Hex.encode($0.value.trimmedBytes, prefixed: false))) })))
            }
            members.append(("address", .string(account.address.description)))
            members.append(("key", .string(Hex.encode(Keccak256.hash(account.address.bytes)))))
            text += JSONWriter.string(.object(members)) + "\n"
            if text.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(text.utf8))
                text = ""
            }
        }
        try handle.write(contentsOf: Data(text.utf8))
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
    private let baseline = residentMemoryBytes()
    private var highest = 0
    private var calls = 0

    /// Reads the resident size (every 16th call: reading /proc costs about as much as a page of accounts).
    func sample() {
        lock.lock()
        defer { lock.unlock() }
        calls += 1
        guard calls % 16 == 1 else { return }
        highest = max(highest, residentMemoryBytes())
    }

    var growth: String {
        lock.lock()
        defer { lock.unlock() }
        return Format.bytes(max(0, highest - baseline))
    }
}
