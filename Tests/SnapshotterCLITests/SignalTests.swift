import Foundation
import Testing

/// Termination signals at any phase leave nothing behind: the partial folder goes, the children go, and the exit
/// status is 128 + the signal. One run at a time: each runs the binary, some of them through slow key derivation.
@Suite(.serialized) struct SignalTests {
    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    private func outputFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("signals-\(UUID().uuidString)")
    }

    private func entries(_ folder: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    }

    /// Starts the binary with `arguments`; stderr is collected by the caller after it exits.
    private func start(_ arguments: [String], environment: [String: String]? = nil) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, errors)
    }

    /// Polls `condition` every 50 ms for at most `seconds`.
    private func wait(seconds: Int, until condition: () -> Bool) async throws -> Bool {
        for _ in 0..<(seconds * 20) {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return condition()
    }

    /// A signal during CPU-bound key derivation (256 scrypt keystores, every core busy for a minute or more) is acted
    /// on at once: the run exits long before the derivation could have ended, and the partial folder is gone.
    @Test(arguments: signals)
    func aSignalDuringKeyDerivationEndsTheRunAtOnce(_ signal: Int32) async throws {
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let (process, errors) = try start([
            "create", "--from-dump", CreateFromDumpTests.dump.path, "--genesis-dir", CreateFromDumpTests.genesisDir.path,
            "--out", out.path, "--validators", "256", "--keystore-kdf", "scrypt",
        ])
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let stderr = OutputCollector(errors)
        let deriving = try await wait(seconds: 600) {
            stderr.text.contains("building the consensus genesis and validator keys") || !process.isRunning
        }
        #expect(deriving && process.isRunning, "the run reached the key derivation: \(stderr.text)")
        kill(process.processIdentifier, signal)
        // 256 scrypt keystores take far longer than this on any machine: exiting at all within the bound proves the
        // signal did not wait for the derivation.
        let exited = try await wait(seconds: 20) { !process.isRunning }
        #expect(exited, "exited before the key derivation would have ended")
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        await CLI.waitOffPool(process)
        let text = stderr.finished()
        #expect(process.terminationStatus == 128 + signal, "\(text)")
        #expect(text.contains("removed the partial snapshot"), "\(text)")
        #expect(entries(out).isEmpty, "nothing left in --out")
    }

    /// A signal while `kurtosis` runs ends the child too (with its process group), not only the tool.
    @Test(arguments: signals)
    func aSignalEndsTheKurtosisChild(_ signal: Int32) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hanging-kurtosis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pids = folder.appendingPathComponent("pids")
        let script = "#!/bin/sh\necho $$ >> '\(pids.path)'\nsleep 600 &\necho $! >> '\(pids.path)'\nwait\n"
        let kurtosis = folder.appendingPathComponent("kurtosis")
        try script.write(to: kurtosis, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: kurtosis.path)
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let (process, errors) = try start(["create", "--enclave", "devnet", "--out", out.path, "--quiet"],
                                          environment: ["PATH": "\(folder.path):/usr/bin:/bin"])
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let running = try await wait(seconds: 120) {
            ((try? String(contentsOf: pids, encoding: .utf8)) ?? "").split(separator: "\n").count == 2
        }
        #expect(running, "the stub kurtosis started")
        kill(process.processIdentifier, signal)
        await CLI.waitOffPool(process)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 128 + signal, "\(stderr)")
        let children = ((try? String(contentsOf: pids, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { Int32($0) }
        for pid in children {
            #expect(try await wait(seconds: 10) { Self.isGone(pid) }, "kurtosis process \(pid) was ended")
        }
        #expect(!FileManager.default.fileExists(atPath: out.path) || entries(out).isEmpty)
    }

    /// A temporary folder left by a killed run is reported with the command that removes it, and kept.
    @Test func aStalePartialFolderIsReportedNotRemoved() async throws {
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let stale = out.appendingPathComponent(".old.partial-0badc0de")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        let result = try await CLI.run([
            "create", "--from-dump", CreateFromDumpTests.dump.path, "--genesis-dir", CreateFromDumpTests.genesisDir.path,
            "--out", out.path, "--name", "fresh", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("note: a temporary folder of an earlier create that did not finish: \(stale.path)"))
        #expect(result.stderr.contains("rm -rf \(stale.path)"))
        #expect(FileManager.default.fileExists(atPath: stale.path))
    }

    /// Whether the process has ended (gone, or a zombie nobody reaped yet).
    private static func isGone(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return true }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
    }
}

/// Reads a pipe to its end on a thread of its own, so a test can look at what a running child printed so far.
final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        Thread { [self] in
            // `availableData` returns what the pipe holds as soon as it holds anything (`read(upToCount:)` would wait
            // for the full count), and empty data at the end.
            while case let chunk = handle.availableData, !chunk.isEmpty {
                lock.withLock { data.append(chunk) }
            }
            done.signal()
        }.start()
    }

    /// What was read so far.
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

    /// Everything, once the writer closed the pipe.
    func finished() -> String {
        done.wait()
        return text
    }
}
