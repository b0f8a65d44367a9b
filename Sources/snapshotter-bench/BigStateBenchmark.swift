import Foundation
import SnapshotKit

/// `create --from-dump`, `verify` and `inspect-genesis` of the built `snapshotter` binary on generated states of
/// growing size, each run as a child process whose wall time and peak resident memory (`wait4`'s rusage) are
/// reported next to `reth init-state`'s rate.
///
/// Sizes come from `BIGSTATE_SIZES` (comma-separated account counts; default 10k, 100k, 1M and 10M). The dumps are
/// generated into a temporary folder, streamed to disk with the root the generator's own streaming trie computed,
/// and removed afterwards.
struct BigStateBenchmark: BenchmarkSection {
    var name: String { "bigstate" }
    var summary: String { "create/verify/inspect-genesis of 10k–10M-account dumps, wall time and peak RSS" }

    /// `reth init-state` imports about 4 M accounts in two minutes on a laptop.
    static let rethAccountsPerSecond = 33_000.0

    func run() async throws {
        let sizes = ProcessInfo.processInfo.environment["BIGSTATE_SIZES"].map { $0.split(separator: ",").compactMap { Int($0) } }
            ?? [10_000, 100_000, 1_000_000, 10_000_000]
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("snapshotter")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw BenchmarkFailure("no snapshotter binary next to the benchmark at \(binary.path): build it first")
        }
        let genesisDir = BenchmarkFiles.repositoryRoot.appendingPathComponent("Examples/devnet-dump/genesis")
        var rows: [[String]] = []
        for size in sizes {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bigstate-\(size)-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let dump = folder.appendingPathComponent("state.jsonl")
            let clock = ContinuousClock()
            let start = clock.now
            let generated = try DumpGenerator(count: size).write(to: dump)
            print("  \(size) accounts: dump of \(Format.bytes(generated.bytes)) generated in \(String(format: "%.1f s", (clock.now - start).seconds))")

            let out = folder.appendingPathComponent("out")
            let create = try ChildRun(binary, ["create", "--from-dump", dump.path, "--genesis-dir", genesisDir.path,
                                               "--out", out.path, "--name", "big", "--json"], log: folder.appendingPathComponent("create.log"))
            let snapshot = out.appendingPathComponent("big")
            let verify = try ChildRun(binary, ["verify", snapshot.path], log: folder.appendingPathComponent("verify.log"))
            let inspectLog = folder.appendingPathComponent("inspect.log")
            let inspect = try ChildRun(binary, ["inspect-genesis", "--json", snapshot.appendingPathComponent("el/genesis.json").path], log: inspectLog)
            let inspected = try JSONParser.parse([UInt8](Data(contentsOf: inspectLog)))
            guard inspected["stateRoot"]?.stringValue == Hex.encode(generated.root) else {
                throw BenchmarkFailure("inspect-genesis found state root \(inspected["stateRoot"]?.stringValue ?? "?"), the generator computed \(Hex.encode(generated.root))")
            }
            for (step, run) in [("create --from-dump", create), ("verify", verify), ("inspect-genesis", inspect)] {
                let rate = Double(size) / run.seconds
                rows.append([String(size), step, String(format: "%.2f s", run.seconds), String(format: "%.0f", rate),
                             Format.bytes(run.peakResidentBytes), Format.ratio(rate, to: Self.rethAccountsPerSecond)])
            }
        }
        print(Format.table(header: ["accounts", "step", "wall", "accounts/s", "peak RSS", "vs reth init-state"], rows: rows))
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
