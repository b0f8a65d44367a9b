import Foundation
import SnapshotKit
import Testing

/// `scripts/real-run.sh`, the kit for a machine with Docker: here only what runs without Docker — it refuses to
/// run or claim anything when no daemon answers, and ShellCheck finds nothing in it.
@Suite struct RealRunKitTests {
    /// The script in this checkout.
    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/real-run.sh")

    /// A bin folder holding `dirname`, stand-ins for `swift` and `curl` that only log, and, when `dockerInfoFails` is
    /// given, a `docker` whose `info` fails as it does without a daemon (or succeeds).
    struct Bin {
        let folder: URL
        let log: URL

        init(docker dockerInfoFails: Bool?) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("real-run-bin-\(UUID().uuidString)")
            log = folder.appendingPathExtension("log")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let dirname = try #require(["/usr/bin/dirname", "/bin/dirname"].first { FileManager.default.isExecutableFile(atPath: $0) })
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("dirname").path, withDestinationPath: dirname)
            for tool in ["swift", "curl"] { try script(tool, "echo \"\(tool) $*\" >>'\(log.path)'") }
            if let dockerInfoFails {
                try script("docker", """
                    echo "docker $*" >>'\(log.path)'
                    if [ "$1" = info ]; then
                      \(dockerInfoFails ? "echo 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock.' >&2; exit 1" : "exit 0")
                    fi
                    exit 1
                    """)
            }
        }

        func script(_ name: String, _ body: String) throws {
            let url = folder.appendingPathComponent(name)
            try Data("#!/bin/sh\n\(body)\n".utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }

        var calls: [String] {
            ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }

        func run(_ arguments: [String] = []) async throws -> SubprocessResult {
            let bash = try Subprocess("bash").resolveExecutable().path
            return try await RuntimeTestSupport.run(bash, [RealRunKitTests.script.path] + arguments, environment: ["PATH": folder.path])
        }

        func remove() {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: log)
        }
    }

    @Test(.enabled(if: RuntimeTestSupport.isInstalled("bash"), "needs bash (the kit is a bash script)"))
    func withoutADockerDaemonItExits2AndRunsNothing() async throws {
        let bin = try Bin(docker: true)
        defer { bin.remove() }
        let result = try await bin.run()
        #expect(result.status == 2)
        #expect(result.stderrText.contains("no Docker daemon answers ('docker info' failed)"), "\(result.stderrText)")
        #expect(result.stderrText.contains("Nothing was run."))
        #expect(!result.stdoutText.contains("PASS") && !result.stdoutText.contains("passed"))
        #expect(bin.calls == ["docker info"], "no build, no snapshot, no request")
    }

    @Test(.enabled(if: RuntimeTestSupport.isInstalled("bash"), "needs bash (the kit is a bash script)"))
    func withoutDockerItExits2AndRunsNothing() async throws {
        let bin = try Bin(docker: nil)
        defer { bin.remove() }
        let result = try await bin.run(["geth"])
        #expect(result.status == 2)
        #expect(result.stderrText.contains("no 'docker' command on PATH"), "\(result.stderrText)")
        #expect(bin.calls.isEmpty)
    }

    /// With a daemon but no Compose, it stops before building anything as well.
    @Test(.enabled(if: RuntimeTestSupport.isInstalled("bash"), "needs bash (the kit is a bash script)"))
    func withoutComposeItExits2AndRunsNothing() async throws {
        let bin = try Bin(docker: false)
        defer { bin.remove() }
        let result = try await bin.run()
        #expect(result.status == 2)
        #expect(result.stderrText.contains("neither 'docker compose' nor 'docker-compose' is installed"), "\(result.stderrText)")
        #expect(bin.calls == ["docker info", "docker compose version"])
    }

    @Test(.enabled(if: RuntimeTestSupport.isInstalled("bash"), "needs bash (the kit is a bash script)"))
    func anUnknownClientIsBadUsage() async throws {
        let bin = try Bin(docker: true)
        defer { bin.remove() }
        let result = try await bin.run(["geth", "erigon"])
        #expect(result.status == 2)
        #expect(result.stderrText.contains("unknown runtime EL 'erigon'; choose from geth besu nethermind reth"))
        #expect(bin.calls.isEmpty)
    }

    @Test(.enabled(if: RuntimeTestSupport.isInstalled("shellcheck"), "needs shellcheck (apt-get install shellcheck; .ci/run installs it)"))
    func shellcheckFindsNothing() async throws {
        let result = try await RuntimeTestSupport.run("shellcheck", ["--severity=style", Self.script.path])
        #expect(result.succeeded, "\(result.stdoutText)")
    }

    @Test func isExecutable() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.script.path))
    }
}
