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
        // The child `sleep` holds the output pipe open: only killing the whole group lets the run end early.
        // Without the kill the run could not end before `sleep` does (60 s); the bound is loose so that a loaded
        // machine, where resuming the awaiting task can take seconds, does not fail it.
        let (runner, arguments) = Self.shell("sleep 60; echo late", timeout: .milliseconds(300))
        let started = ContinuousClock.now
        let error = await #expect(throws: SubprocessError.self) { try await runner.run(arguments) }
        #expect(ContinuousClock.now - started < .seconds(40))
        #expect(error == .timedOut(command: "sh -c 'sleep 60; echo late'", seconds: 0.3))
        #expect(error?.description.hasPrefix("`sh -c 'sleep 60; echo late'` did not finish within 0.3 s") == true)
    }

    @Test func timeoutAlsoEndsChildrenLeftBehind() async throws {
        // The shell exits at once, but its background child keeps the output pipe open.
        let (runner, arguments) = Self.shell("sleep 60 & echo started", timeout: .milliseconds(300))
        let started = ContinuousClock.now
        await #expect(throws: SubprocessError.timedOut(command: "sh -c 'sleep 60 & echo started'", seconds: 0.3)) {
            try await runner.run(arguments)
        }
        #expect(ContinuousClock.now - started < .seconds(40))
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
