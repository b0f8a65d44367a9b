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
        let projects: URL
        let requests: URL

        /// `docker`: `compose version` succeeds only with `composeV2`; `up` exits `upStatus`; `ps` prints `running`;
        /// the `-p` project of each call is logged apart. `curl`: answers `eth_blockNumber` with `blocks` in turn (the
        /// last one from then on) and `eth_getBlockByNumber` with a block whose hash is `block0Hash`.
        /// `docker-compose` exists only with `composeV1`.
        init(
            composeV2: Bool = true, composeV1: Bool = false, upStatus: Int = 0, running: [String],
            blocks: [String] = ["0x0", "0x1", "0x2"], block0Hash: String = SnapshotFixture.genesisHash
        ) throws {
            snapshot = try RuntimeTestSupport.snapshot()
            bin = snapshot.appendingPathExtension("bin")
            log = snapshot.appendingPathExtension("log")
            projects = snapshot.appendingPathExtension("projects")
            requests = snapshot.appendingPathExtension("requests")
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            for tool in ["sh", "dirname", "sed", "grep", "date", "sleep", "cat", "head", "tr", "cksum"] {
                let path = try #require(["/bin", "/usr/bin"].map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) })
                try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent(tool).path, withDestinationPath: path)
            }
            let compose = """
                if [ "$1" = -p ]; then echo "$2" >>'\(projects.path)'; shift 2; fi
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
            let answers = snapshot.appendingPathExtension("blocks")
            try Data((blocks.joined(separator: "\n") + "\n").utf8).write(to: answers)
            try Self.script("curl", """
                case "$*" in
                  *eth_getBlockByNumber*)
                    printf '{"jsonrpc":"2.0","id":1,"result":{"number":"0x0","parentHash":"0x%064d","hash":"%s"}}' 0 '\(block0Hash)' ;;
                  *eth_blockNumber*)
                    echo x >>'\(requests.path)'
                    n=$(grep -c x '\(requests.path)')
                    answer=$(sed -n "${n}p" '\(answers.path)')
                    [ -n "$answer" ] || answer=$(sed -n '$p' '\(answers.path)')
                    printf '{"jsonrpc":"2.0","id":1,"result":"%s"}' "$answer" ;;
                esac
                """, in: bin)
        }

        static func script(_ name: String, _ body: String, in bin: URL) throws {
            let url = bin.appendingPathComponent(name)
            try Data("#!/bin/sh\n\(body)\n".utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }

        func run(_ script: String, in folder: URL? = nil, environment: [String: String] = [:]) async throws -> SubprocessResult {
            try await RuntimeTestSupport.run(
                (folder ?? snapshot).appendingPathComponent(script).path, [],
                environment: ["PATH": bin.path].merging(environment) { $1 })
        }

        var calls: [String] { Self.lines(log) }
        /// The `-p` project name of every compose call.
        var projectNames: [String] { Self.lines(projects) }

        static func lines(_ url: URL) -> [String] {
            ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }

        func remove() {
            for url in [snapshot, bin, log, projects, requests, snapshot.appendingPathExtension("blocks")] {
                try? FileManager.default.removeItem(at: url)
            }
        }
    }

    /// Block 1 may come from the EL alone: up.sh waits for block 2, then checks block 0 against metadata.json.
    @Test func upWaitsForBlockTwoAndChecksTheGenesis() async throws {
        let sandbox = try Sandbox(running: ["el", "cl", "vc"], blocks: ["0x0", "0x1", "0x1", "0x2"])
        defer { sandbox.remove() }
        let result = try await sandbox.run("up.sh")
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(result.stdoutText.contains("First block after "))
        #expect(result.stdoutText.contains("s (head 0x1)."))
        #expect(result.stdoutText.contains(
            "The devnet is producing blocks (head 0x2; block 0 is the snapshot's genesis \(SnapshotFixture.genesisHash))."))
        #expect(result.stdoutText.contains("EL JSON-RPC: http://127.0.0.1:8545"))
        #expect(result.stdoutText.contains("Beacon API: http://127.0.0.1:4000"))
        let calls = sandbox.calls
        #expect(calls.first == "compose version")
        #expect(calls.firstIndex(of: "compose down --volumes --remove-orphans")! < calls.firstIndex(of: "compose up -d --remove-orphans")!)
    }

    /// A chain whose block 0 is not the snapshot's genesis fails verification (exit 3) with the EL's logs.
    @Test func upRejectsAForeignGenesis() async throws {
        let foreign = "0x" + String(repeating: "ab", count: 32)
        let sandbox = try Sandbox(running: ["el", "cl", "vc"], blocks: ["0x2"], block0Hash: foreign)
        defer { sandbox.remove() }
        let result = try await sandbox.run("up.sh")
        #expect(result.status == 3, "\(result.stderrText)")
        #expect(result.stderrText.contains(
            "error: block 0 of the running chain is \(foreign), not this snapshot's genesis \(SnapshotFixture.genesisHash)"))
        #expect(result.stderrText.contains("logs of el"))
    }

    /// The genesis hash is read from metadata.json; without it up.sh starts nothing.
    @Test func upNeedsTheMetadataGenesisHash() async throws {
        let sandbox = try Sandbox(running: ["el", "cl", "vc"])
        defer { sandbox.remove() }
        try FileManager.default.removeItem(at: sandbox.snapshot.appendingPathComponent("metadata.json"))
        let result = try await sandbox.run("up.sh")
        #expect(result.status == 2)
        #expect(result.stderrText.contains("holds no el.genesisHash"))
        #expect(!sandbox.calls.contains { $0.hasPrefix("compose up") })
    }

    @Test func upShowsTheStoppedServiceLogs() async throws {
        let sandbox = try Sandbox(running: ["el", "vc"], blocks: ["0x0"])
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

    /// A head stuck at block 1 (the EL alone, no proposal through the beacon node) is a failure.
    @Test func upTimesOutBeforeBlockTwoWithEveryServiceLog() async throws {
        let sandbox = try Sandbox(running: ["el", "cl", "vc"], blocks: ["0x1"])
        defer { sandbox.remove() }
        let result = try await sandbox.run("up.sh", environment: ["UP_TIMEOUT_SECONDS": "0"])
        #expect(result.status == 1)
        #expect(result.stderrText.contains("error: the chain did not reach block 2 within 0 s (head 0x1)"))
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

    /// Two folders holding a snapshot of the same name get different compose projects (one's `down --volumes` must
    /// not remove the other's stack); the name is the folder's, reduced to what Compose v1 and v2 accept, plus a hash
    /// of the path; both scripts of a folder agree; COMPOSE_PROJECT_NAME overrides it.
    @Test func composeProjectIsUniquePerFolder() async throws {
        let sandbox = try Sandbox(composeV2: false, composeV1: true, running: ["el", "cl", "vc"])
        defer { sandbox.remove() }
        let parent = sandbox.snapshot.appendingPathExtension("copies")
        defer { try? FileManager.default.removeItem(at: parent) }
        var folders: [URL] = []
        for copy in ["a", "b"] {
            let folder = parent.appendingPathComponent(copy).appendingPathComponent("My.Devnet_12-x")
            try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: sandbox.snapshot, to: folder)
            folders.append(folder)
        }
        for folder in folders {
            let down = try await sandbox.run("down.sh", in: folder)
            #expect(down.status == 0, "\(down.stderrText)")
        }
        let up = try await sandbox.run("up.sh", in: folders[0])
        #expect(up.status == 0, "\(up.stderrText)")
        let names = sandbox.projectNames
        #expect(names.count >= 3)
        #expect(names[0] != names[1], "same snapshot name, different folders: \(names)")
        #expect(Set(names.dropFirst(2)) == [names[0]], "up.sh and down.sh of one folder use one project")
        for name in names {
            #expect(name.wholeMatch(of: /mydevnet_12-x-[0-9a-f]{8}/) != nil, "\(name)")
        }

        let custom = try await sandbox.run("down.sh", in: folders[1], environment: ["COMPOSE_PROJECT_NAME": "mine"])
        #expect(custom.status == 0)
        #expect(sandbox.projectNames.last == "mine")
    }

    @Test func scriptsAreExecutable() throws {
        let folder = try RuntimeTestSupport.snapshot()
        defer { try? FileManager.default.removeItem(at: folder) }
        for script in ["up.sh", "down.sh", "runtime/init.sh"] {
            #expect(FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent(script).path), "\(script)")
        }
    }

    /// ShellCheck (POSIX sh dialect) finds nothing in the emitted scripts.
    @Test(.enabled(if: RuntimeTestSupport.isInstalled("shellcheck"), "needs shellcheck (apt-get install shellcheck; .ci/run installs it)"))
    func shellcheckFindsNothing() async throws {
        let folder = try RuntimeTestSupport.snapshot()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await RuntimeTestSupport.run(
            "shellcheck", ["--shell=sh", "--severity=style"] + ["runtime/init.sh", "up.sh", "down.sh"], in: folder)
        #expect(result.succeeded, "\(result.stdoutText)")
    }
}
