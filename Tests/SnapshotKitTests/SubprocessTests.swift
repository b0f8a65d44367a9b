import Foundation
import Testing
import SnapshotKit

@Suite struct SubprocessTests {
    static func shell(_ script: String, environment: [String: String]? = nil, timeout: Duration? = nil) -> (Subprocess, [String]) {
        (Subprocess("sh", environment: environment, timeout: timeout), ["-c", script])
    }

    @Test func drainsLargeInterleavedOutputsWithoutDeadlock() async throws {
        // 40 alternating 100 KB writes to each stream: far more than a pipe buffer, so reading one stream
        // to the end before the other would block both processes for ever.
        let script = """
        i=0; while [ $i -lt 40 ]; do head -c 100000 /dev/zero | tr '\\0' a; head -c 100000 /dev/zero | tr '\\0' b >&2; i=$((i+1)); done; exit 3
        """
        let (runner, arguments) = Self.shell(script, timeout: .seconds(60))
        let result = try await runner.run(arguments)
        #expect(result.status == 3)
        #expect(!result.succeeded)
        #expect(result.stdout.count == 4_000_000)
        #expect(result.stderr.count == 4_000_000)
        #expect(result.stdout.allSatisfy { $0 == UInt8(ascii: "a") })
        #expect(result.stderr.allSatisfy { $0 == UInt8(ascii: "b") })
    }

    @Test(arguments: [0, 1, 7, 255])
    func reportsExitStatus(_ status: Int32) async throws {
        let (runner, arguments) = Self.shell("echo out; echo err >&2; exit \(status)")
        let result = try await runner.run(arguments)
        #expect(result.status == status)
        #expect(result.stdoutText == "out\n")
        #expect(result.stderrText == "err\n")
        #expect(result.command == "sh -c 'echo out; echo err >&2; exit \(status)'")
    }

    @Test func usesTheGivenEnvironmentAndDirectory() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("subprocess-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var runner = Subprocess("sh", environment: ["PATH": "/usr/bin:/bin", "GREETING": "hello"], currentDirectory: folder)
        runner.timeout = .seconds(30)
        let result = try await runner.run(["-c", "echo \"$GREETING\"; pwd -P"])
        let lines = result.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.first == "hello")
        #expect(lines.last == folder.resolvingSymlinksInPath().path)
    }

    @Test func findsTheFirstMatchOnTheGivenPath() async throws {
        let first = try Self.scriptFolder(named: "tool", printing: "first")
        let second = try Self.scriptFolder(named: "tool", printing: "second")
        defer { for folder in [first, second] { try? FileManager.default.removeItem(at: folder) } }
        let runner = Subprocess("tool", environment: ["PATH": "\(first.path):\(second.path):/usr/bin:/bin"])
        #expect(try await runner.run([]).stdoutText == "first\n")
    }

    @Test func missingExecutableSaysHowToGetIt() async throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let runner = Subprocess("kurtosis", environment: ["PATH": empty.path],
                                installHint: "install the Kurtosis CLI or use --rpc-url with --genesis-dir")
        let error = await #expect(throws: SubprocessError.self) { try await runner.run(["enclave", "ls"]) }
        #expect(error == .executableNotFound(name: "kurtosis", hint: "install the Kurtosis CLI or use --rpc-url with --genesis-dir"))
        #expect(error?.description == "kurtosis not found on PATH — install the Kurtosis CLI or use --rpc-url with --genesis-dir")
        let noHint = Subprocess("/nonexistent/tool")
        #expect(throws: SubprocessError.executableNotFound(name: "/nonexistent/tool", hint: nil)) { try noHint.resolveExecutable() }
    }

    @Test func timeoutKillsTheProgramAndItsChildren() async throws {
        // The child `sleep` holds the output pipe open: only killing the whole group ends the run before it does.
        // The proof is the timeout error and the dead child, not a clock, so a loaded machine cannot fail it.
        let pidFile = Self.pidFile()
        let script = "sleep 60 & echo $! > \(pidFile.path); wait; echo late"
        let (runner, arguments) = Self.shell(script, timeout: .milliseconds(300))
        let error = await #expect(throws: SubprocessError.self) { try await runner.run(arguments) }
        #expect(error == .timedOut(command: "sh -c '\(script)'", seconds: 0.3))
        #expect(error?.description.hasPrefix("`sh -c '\(script)'` did not finish within 0.3 s") == true)
        #expect(try Self.isDead(pidFile), "the child sleep must be killed with its group")
    }

    @Test func timeoutAlsoEndsChildrenLeftBehind() async throws {
        // The shell exits at once, but its background child keeps the output pipe open.
        let pidFile = Self.pidFile()
        let script = "sleep 60 & echo $! > \(pidFile.path); echo started"
        let (runner, arguments) = Self.shell(script, timeout: .milliseconds(300))
        await #expect(throws: SubprocessError.timedOut(command: "sh -c '\(script)'", seconds: 0.3)) {
            try await runner.run(arguments)
        }
        #expect(try Self.isDead(pidFile), "the background child must be killed with the group")
    }

    @Test func endlessOutputIsCutAtTheBoundAndTheProgramStopped() async throws {
        // `yes` never ends by itself: only the bound ends this run.
        let runner = Subprocess("sh", outputLimit: 1 << 20)
        let error = await #expect(throws: SubprocessError.self) { try await runner.run(["-c", "yes"]) }
        #expect(error == .outputTooLarge(command: "sh -c yes", limit: 1 << 20))
        #expect(error?.description.contains("printed more than 1 MiB") == true)
    }

    static func pidFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("subprocess-\(UUID().uuidString).pid")
    }

    /// Whether the process whose id the file holds has ended (gone, or a zombie nobody reaped yet).
    static func isDead(_ pidFile: URL) throws -> Bool {
        let pid = try #require(Int32(String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        defer { try? FileManager.default.removeItem(at: pidFile) }
        for _ in 0..<100 {
            guard kill(pid, 0) == 0 else { return true }
            if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
               let state = stat.split(separator: ")").last?.split(separator: " ").first, state == "Z" { return true }
            usleep(20_000)
        }
        return false
    }

    /// A fresh folder holding an executable script `name` that prints `text`.
    static func scriptFolder(named name: String, printing text: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent(name)
        try "#!/bin/sh\necho \(text)\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return folder
    }
}
