import Foundation
import SnapshotKit

/// `create --from-dump`, `verify` and `inspect-genesis` of the built `snapshotter` binary on generated states of
/// growing size, each run as a child process whose wall time and peak resident memory (`wait4`'s rusage) are
/// reported next to `reth init-state`'s rate.
///
/// Sizes come from `BIGSTATE_SIZES` (comma-separated account counts; default 10k, 100k, 1M and 10M). The dumps are
/// generated into a temporary folder, streamed to disk with the root the generator's own streaming trie computed —
/// checked against py-trie's where `oracleRoots` has it — and removed afterwards. `BIGSTATE_DUMPS` (comma-separated
/// paths) adds dumps of your own, checked against their root line.
struct BigStateBenchmark: BenchmarkSection {
    var name: String { "bigstate" }
    var summary: String { "create/verify/inspect-genesis of 10k–10M-account dumps, wall time and peak RSS" }

    /// `reth init-state` imports about 4 M accounts in two minutes on a laptop.
    static let rethAccountsPerSecond = 33_000.0

    /// The state roots of the generated states computed by py-trie, which shares no code with the project
    /// (`scripts/bigstate-oracle.py`); the 10M root was not computed (py-trie would take hours).
    static let oracleRoots: [Int: String] = [
        10_000: "0xfad2bdcb46c11b9eac33fa49c994d6c5b920b12b531cf4aae8eb94194b9d8003",
        100_000: "0x0aade7134c91b8fd6b3d0d2897f85d19a20328b109a81bb6a84c5361d93b6f47",
        1_000_000: "0xa29b99dc734e931a4ee227a074b4ba9d6e0e1b1dbcc0a26b91e76118226330b6",
    ]

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let sizes = environment["BIGSTATE_SIZES"].map { $0.split(separator: ",").compactMap { Int($0) } }
            ?? [10_000, 100_000, 1_000_000, 10_000_000]
        let dumps = environment["BIGSTATE_DUMPS"].map { $0.split(separator: ",").map { URL(fileURLWithPath: String($0)) } } ?? []
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("snapshotter")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw BenchmarkFailure("no snapshotter binary next to the benchmark at \(binary.path): build it first")
        }
        var rows: [[String]] = []
        for size in sizes {
            let folder = try Self.temporaryFolder("bigstate-\(size)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let dump = folder.appendingPathComponent("state.jsonl")
            let clock = ContinuousClock()
            let start = clock.now
            let generated = try DumpGenerator(count: size).write(to: dump)
            print("  \(size) accounts: dump of \(Format.bytes(generated.bytes)) generated in \(String(format: "%.1f s", (clock.now - start).seconds))")
            if let oracle = Self.oracleRoots[size], oracle != Hex.encode(generated.root) {
                throw BenchmarkFailure("the generator's root \(Hex.encode(generated.root)) is not py-trie's \(oracle) for \(size) accounts")
            }
            rows += try measure(binary, dump: dump, in: folder, label: String(size), root: generated.root)
        }
        for dump in dumps {
            let folder = try Self.temporaryFolder("bigstate-dump")
            defer { try? FileManager.default.removeItem(at: folder) }
            rows += try measure(binary, dump: dump, in: folder, label: dump.lastPathComponent, root: try DumpStateSource.root(of: dump))
        }
        print(Format.table(header: ["accounts", "step", "wall", "accounts/s", "peak RSS", "vs reth init-state"], rows: rows))
    }

    private static func temporaryFolder(_ prefix: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// `create --from-dump`, `verify` and `inspect-genesis` of `dump`, checked against `root`; one table row each.
    private func measure(_ binary: URL, dump: URL, in folder: URL, label: String, root: [UInt8]) throws -> [[String]] {
        let genesisDir = BenchmarkFiles.repositoryRoot.appendingPathComponent("Examples/devnet-dump/genesis")
        let out = folder.appendingPathComponent("out")
        let createLog = folder.appendingPathComponent("create.log")
        let create = try ChildRun(binary, ["create", "--from-dump", dump.path, "--genesis-dir", genesisDir.path,
                                           "--out", out.path, "--name", "big", "--json"], log: createLog)
        let snapshot = out.appendingPathComponent("big")
        let verify = try ChildRun(binary, ["verify", snapshot.path], log: folder.appendingPathComponent("verify.log"))
        let inspectLog = folder.appendingPathComponent("inspect.log")
        let inspect = try ChildRun(binary, ["inspect-genesis", "--json", snapshot.appendingPathComponent("el/genesis.json").path], log: inspectLog)
        let inspected = try JSONParser.parse([UInt8](Data(contentsOf: inspectLog)))
        guard inspected["stateRoot"]?.stringValue == Hex.encode(root) else {
            throw BenchmarkFailure("inspect-genesis found state root \(inspected["stateRoot"]?.stringValue ?? "?"), expected \(Hex.encode(root))")
        }
        let created = try JSONParser.parse([UInt8](Data(contentsOf: createLog)))
        let accounts = created["accounts"]?.scalarText.flatMap { Int($0) } ?? 0
        return [("create --from-dump", create), ("verify", verify), ("inspect-genesis", inspect)].map { step, run in
            let rate = Double(accounts) / run.seconds
            return [label, step, String(format: "%.2f s", run.seconds), String(format: "%.0f", rate),
                    Format.bytes(run.peakResidentBytes), Format.ratio(rate, to: Self.rethAccountsPerSecond)]
        }
    }
}

/// One run of a child process: wall time and peak resident memory, from `wait4` — at least this process's resident
/// size when it spawned the child, which Linux counts in.
private struct ChildRun {
    let seconds: Double
    let peakResidentBytes: Int

    /// Runs `binary` with `arguments`, standard output and error into `log`; fails unless it exits 0.
    init(_ binary: URL, _ arguments: [String], log: URL) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, log.path + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([binary.path] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        // A spawned child starts with its parent's peak RSS (Linux carries the high-water mark over `exec`): lower
        // this process's to its current size first, or the child would report the generator's peak.
        resetPeakResidentMemory()
        let clock = ContinuousClock()
        let start = clock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, binary.path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchmarkFailure("cannot start \(binary.path): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchmarkFailure("wait4 failed: \(String(cString: strerror(errno)))") }
        }
        seconds = (clock.now - start).seconds
        peakResidentBytes = Int(usage.ru_maxrss) * 1024
        let exited = status & 0x7f == 0
        let code = (status >> 8) & 0xff
        guard exited, code == 0 else {
            let message = (try? String(contentsOfFile: log.path + ".err", encoding: .utf8)) ?? ""
            throw BenchmarkFailure("snapshotter \(arguments.first ?? "") failed (status \(status)): \(message)")
        }
    }
}
