import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing

/// `up.sh` and `down.sh` run against stand-in `docker`/`docker-compose`/`curl` programs (no Docker here), and
/// `shellcheck` on every emitted script.
@Suite struct RuntimeScriptsTests {
    /// A fixture snapshot and a bin folder holding only the tools the scripts may use plus the stand-ins.
    struct Sandbox {
        let snapshot: URL
        let bin: URL
        let log: URL

        /// `docker`: `compose version` succeeds only with `composeV2`; `up` exits `upStatus`; `ps` prints `running`.
        /// `curl`: answers block number 0x0 first, then `block`. `docker-compose` exists only with `composeV1`.
        init(composeV2: Bool = true, composeV1: Bool = false, upStatus: Int = 0, running: [String], block: String = "0x2") throws {
            snapshot = try RuntimeTestSupport.snapshot()
            bin = snapshot.appendingPathExtension("bin")
            log = snapshot.appendingPathExtension("log")
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            for tool in ["sh", "dirname", "sed", "grep", "date", "sleep", "cat"] {
                let path = try #require(["/bin", "/usr/bin"].map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) })
                try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent(tool).path, withDestinationPath: path)
            }
            let compose = """
                echo "compose $*" >>'\(log.path)'
                case "$1" in
                  version) exit 0 ;;
                  up) exit \(upStatus) ;;
                  ps) printf '%s\\n' \(running.map { "'\($0)'" }.joined(separator: " ")) ;;
                  logs) eval "last=\\${$#}"; echo "logs of $last" ;;
                esac
                """
            try Self.script("docker", composeV2 ? "[ \"$1\" = compose ] || exit 1\nshift\n" + compose : "exit 1", in: bin)
            if composeV1 { try Self.script("docker-compose", compose, in: bin) }
            let counter = snapshot.appendingPathExtension("curl-count").path
            try Self.script("curl", """
                echo x >>'\(counter)'
                if [ "$(cat '\(counter)' | grep -c x)" -le 1 ]; then n=0x0; else n=\(block); fi
                printf '{"jsonrpc":"2.0","id":1,"result":"%s"}' "$n"
                """, in: bin)
        }

        static func script(_ name: String, _ body: String, in bin: URL) throws {
            let url = bin.appendingPathComponent(name)
            try Data("#!/bin/sh\n\(body)\n".utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }

        func run(_ script: String, environment: [String: String] = [:]) async throws -> SubprocessResult {
            try await RuntimeTestSupport.run(
                snapshot.appendingPathComponent(script).path, [],
                environment: ["PATH": bin.path].merging(environment) { $1 })
        }

        var calls: [String] {
            ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }

        func remove() {
            for url in [snapshot, bin, log, snapshot.appendingPathExtension("curl-count")] { try? FileManager.default.removeItem(at: url) }
        }
    }

    @Test func upStartsFreshAndWaitsForABlock() async throws {
        let sandbox = try Sandbox(running: ["el", "cl", "vc"])
        defer { sandbox.remove() }
        let result = try await sandbox.run("up.sh")
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(result.stdoutText.contains("The devnet is producing blocks (head 0x2)."))
        #expect(result.stdoutText.contains("EL JSON-RPC: http://127.0.0.1:8545"))
        #expect(result.stdoutText.contains("Beacon API: http://127.0.0.1:4000"))
        let calls = sandbox.calls
        #expect(calls.first == "compose version")
        #expect(calls.firstIndex(of: "compose down --volumes --remove-orphans")! < calls.firstIndex(of: "compose up -d --remove-orphans")!)
    }

    @Test func upShowsTheStoppedServiceLogs() async throws {
        let sandbox = try Sandbox(running: ["el", "vc"], block: "0x0")
        defer { sandbox.remove() }
        let result = try await sandbox.run("up.sh")
        #expect(result.status == 1)
        #expect(result.stderrText.contains("error: service cl stopped"))
        #expect(result.stderrText.contains("----- last log lines of cl -----\nlogs of cl"))
        #expect(!result.stderrText.contains("logs of el") && !result.stderrText.contains("logs of init"))
    }

    @Test func upShowsInitLogsWhenTheStackCannotStart() async throws {
        let sandbox = try Sandbox(upStatus: 1, running: [])
        defer { sandbox.remove() }
        let result = try await sandbox.run("up.sh")
        #expect(result.status == 1)
        #expect(result.stderrText.contains("error: docker compose could not start the stack"))
        #expect(result.stderrText.contains("logs of init") && result.stderrText.contains("logs of el"))
        #expect(!result.stderrText.contains("logs of cl"))
    }

    @Test func upTimesOutWithEveryServiceLog() async throws {
        let sandbox = try Sandbox(running: ["el", "cl", "vc"], block: "0x0")
        defer { sandbox.remove() }
        let result = try await sandbox.run("up.sh", environment: ["UP_TIMEOUT_SECONDS": "0"])
        #expect(result.status == 1)
        #expect(result.stderrText.contains("error: no block after 0 s"))
        for service in ["init", "el", "cl", "vc"] { #expect(result.stderrText.contains("logs of \(service)")) }
    }

    @Test func scriptsFallBackToDockerCompose() async throws {
        let sandbox = try Sandbox(composeV2: false, composeV1: true, running: ["el", "cl", "vc"])
        defer { sandbox.remove() }
        let down = try await sandbox.run("down.sh")
        #expect(down.status == 0, "\(down.stderrText)")
        #expect(sandbox.calls == ["compose down --volumes --remove-orphans"])
        let up = try await sandbox.run("up.sh")
        #expect(up.status == 0, "\(up.stderrText)")
    }

    @Test func scriptsNeedCompose() async throws {
        let sandbox = try Sandbox(composeV2: false, running: [])
        defer { sandbox.remove() }
        for script in ["up.sh", "down.sh"] {
            let result = try await sandbox.run(script)
            #expect(result.status == 2)
            #expect(result.stderrText.contains("neither 'docker compose' nor 'docker-compose' is installed"))
        }
    }

    @Test func scriptsAreExecutable() throws {
        let folder = try RuntimeTestSupport.snapshot()
        defer { try? FileManager.default.removeItem(at: folder) }
        for script in ["up.sh", "down.sh", "runtime/init.sh"] {
            #expect(FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent(script).path), "\(script)")
        }
    }

    /// ShellCheck (POSIX sh dialect) finds nothing in the emitted scripts. Skipped with a note when it is not
    /// installed (`apt-get install shellcheck`).
    @Test func shellcheckFindsNothing() async throws {
        guard RuntimeTestSupport.isInstalled("shellcheck") else {
            print("note: shellcheck is not installed; the emitted scripts were not linted (apt-get install shellcheck)")
            return
        }
        let folder = try RuntimeTestSupport.snapshot()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await RuntimeTestSupport.run(
            "shellcheck", ["--shell=sh", "--severity=style"] + ["runtime/init.sh", "up.sh", "down.sh"], in: folder)
        #expect(result.succeeded, "\(result.stdoutText)")
    }
}
