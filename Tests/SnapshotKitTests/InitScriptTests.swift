import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing

/// `runtime/init.sh` run for real with /bin/sh (and busybox sh when installed) against a copy of the fixture
/// snapshot, the volume paths passed through the environment as the `init` service passes them.
@Suite struct InitScriptTests {
    /// A fixture snapshot and an empty runtime folder beside it.
    struct Workspace {
        let snapshot: URL
        let runtime: URL

        init() throws {
            snapshot = try RuntimeTestSupport.snapshot()
            runtime = snapshot.deletingLastPathComponent().appendingPathComponent(snapshot.lastPathComponent + "-runtime")
            try FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: true)
        }

        func remove() {
            try? FileManager.default.removeItem(at: snapshot)
            try? FileManager.default.removeItem(at: runtime)
        }

        func file(_ path: String) -> URL { runtime.appendingPathComponent(path) }

        /// Runs the script; returns its result and its wall-clock time in seconds.
        func runInit(shell: Shell = .system, delay: String? = "5", validatorsOwner: String? = nil) async throws -> (SubprocessResult, Double) {
            let (program, path) = try shell.programAndPath()
            var environment = ["SNAPSHOT_DIR": snapshot.path, "RUNTIME_DIR": runtime.path, "PATH": path]
            if let delay { environment["GENESIS_DELAY_SECONDS"] = delay }
            if let validatorsOwner { environment[InitScript.Variable.validatorsOwner] = validatorsOwner }
            let start = ContinuousClock.now
            let result = try await RuntimeTestSupport.run(
                program, [snapshot.appendingPathComponent(InitScript.path).path], environment: environment)
            let elapsed = ContinuousClock.now - start
            return (result, elapsed.seconds)
        }

        func configValue(_ key: String) throws -> String? {
            let text = try String(contentsOf: file("testnet/config.yaml"), encoding: .utf8)
            return text.split(separator: "\n").first { $0.hasPrefix("\(key):") }
                .map { $0.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces) }
        }
    }

    static func littleEndian(_ bytes: some Collection<UInt8>) -> UInt64 {
        bytes.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    static func now() -> UInt64 { UInt64(Date().timeIntervalSince1970) }

    /// Where the script runs: the system's /bin/sh and tools, or busybox alone as in the `init` image (its applets
    /// linked into a folder that is the whole PATH).
    enum Shell: String, CustomTestStringConvertible {
        case system, busybox

        var testDescription: String { rawValue }

        func programAndPath() throws -> (String, String) {
            switch self {
            case .system:
                return ("/bin/sh", ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            case .busybox:
                let busybox = try Subprocess("busybox").resolveExecutable().path
                let applets = FileManager.default.temporaryDirectory.appendingPathComponent("busybox-applets")
                try FileManager.default.createDirectory(at: applets, withIntermediateDirectories: true)
                for applet in ["sh", "rm", "mkdir", "cp", "chmod", "date", "sed", "head", "dd", "od", "grep", "mv", "cat", "tr"] {
                    let link = applets.appendingPathComponent(applet)
                    if (try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) != busybox {
                        try? FileManager.default.removeItem(at: link)
                        try? FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: busybox)
                    }
                }
                return (applets.appendingPathComponent("sh").path, applets.path)
            }
        }
    }

    @Test func writesTheGenesisTimeAndNothingElse() async throws {
        try await checkWritesTheGenesisTimeAndNothingElse(shell: .system)
    }

    /// The same with busybox alone on PATH, as in the `init` image.
    @Test(.enabled(if: RuntimeTestSupport.isInstalled("busybox"), "needs busybox (apt-get install busybox; .ci/run installs it)"))
    func writesTheGenesisTimeAndNothingElseWithBusybox() async throws {
        try await checkWritesTheGenesisTimeAndNothingElse(shell: .busybox)
    }

    private func checkWritesTheGenesisTimeAndNothingElse(shell: Shell) async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let before = try SnapshotFileDigests.compute(in: workspace.snapshot)
        let start = Self.now()
        let (result, seconds) = try await workspace.runInit(shell: shell, delay: "5")
        let end = Self.now()
        #expect(result.succeeded, "\(result.stderrText)")
        print("init.sh with \(shell.rawValue) sh: \(String(format: "%.3f", seconds)) s")

        let original = [UInt8](try Data(contentsOf: workspace.snapshot.appendingPathComponent("cl/genesis.ssz")))
        let written = [UInt8](try Data(contentsOf: workspace.file("testnet/genesis.ssz")))
        #expect(written.count == original.count)
        #expect(written[8...] == original[8...], "only bytes 0..7 change")
        #expect(Self.littleEndian(original[0..<8]) == SnapshotFixture.genesisTime)
        let genesisTime = Self.littleEndian(written[0..<8])
        #expect(genesisTime >= start + 5 && genesisTime <= end + 5, "now + 5 s, got \(genesisTime) for \(start)…\(end)")

        // The fixture's config has GENESIS_DELAY 20: genesis_time = MIN_GENESIS_TIME + GENESIS_DELAY.
        #expect(try workspace.configValue("GENESIS_DELAY") == "20")
        #expect(try workspace.configValue("MIN_GENESIS_TIME") == String(genesisTime - 20))
        let originalConfig = try String(contentsOf: workspace.snapshot.appendingPathComponent("cl/config.yaml"), encoding: .utf8)
        let writtenConfig = try String(contentsOf: workspace.file("testnet/config.yaml"), encoding: .utf8)
        let changed = zip(originalConfig.split(separator: "\n"), writtenConfig.split(separator: "\n")).filter { $0 != $1 }
        #expect(changed.map(\.0) == ["MIN_GENESIS_TIME: 1700000000"], "only MIN_GENESIS_TIME changes")
        for name in ["deposit_contract_block.txt", "deploy_block.txt"] {
            #expect(try Data(contentsOf: workspace.file("testnet/\(name)")) == Data("0".utf8))
        }

        let jwt = try String(contentsOf: workspace.file("jwt.hex"), encoding: .utf8)
        #expect(jwt.count == 64 && jwt.allSatisfy(\.isHexDigit) && jwt == jwt.lowercased(), "32 bytes in hex: \(jwt)")
        #expect(Set(jwt).count > 4, "random, not a constant")

        for directory in ["el", "cl", "vc"] {
            #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.file(directory).path).isEmpty, "\(directory) is empty")
        }
        for pubkey in SnapshotFixture.keystorePubkeys {
            #expect(FileManager.default.isWritableFile(atPath: workspace.file("validators/keys/\(pubkey)/voting-keystore.json").path))
            #expect(FileManager.default.fileExists(atPath: workspace.file("validators/secrets/\(pubkey)").path))
        }
        try Self.expectRuntimePermissions(workspace)
        #expect(try SnapshotFileDigests.compute(in: workspace.snapshot) == before, "the snapshot folder is untouched")
    }

    /// The mode bits of a runtime entry.
    static func mode(_ url: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) & 0o7777
    }

    /// Keystores and passwords are the validator client's user's only; the JWT secret and the testnet directory are
    /// read-only for every user; the data directories are writable by any (a client image may run as non-root).
    static func expectRuntimePermissions(_ workspace: Workspace) throws {
        var expected: [(String, Int)] = [
            ("jwt.hex", 0o644), ("testnet", 0o755), ("testnet/genesis.ssz", 0o644), ("testnet/config.yaml", 0o644),
            ("validators", 0o700), ("validators/keys", 0o700), ("validators/secrets", 0o700),
            ("el", 0o777), ("cl", 0o777), ("vc", 0o777),
        ]
        for pubkey in SnapshotFixture.keystorePubkeys {
            expected += [("validators/keys/\(pubkey)", 0o700), ("validators/keys/\(pubkey)/voting-keystore.json", 0o600),
                         ("validators/secrets/\(pubkey)", 0o600)]
        }
        for (path, mode) in expected {
            let actual = try Self.mode(workspace.file(path))
            #expect(actual == mode, "\(path): \(String(actual, radix: 8)), expected \(String(mode, radix: 8))")
        }
    }

    /// The permissions hold whatever the caller's umask and the snapshot files' modes (the fixture's keys are 0644).
    @Test func secretsArePrivateUnderAnyUmask() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let script = workspace.snapshot.appendingPathComponent(InitScript.path).path
        let result = try await RuntimeTestSupport.run("/bin/sh", ["-c", "umask 000 && exec /bin/sh \"$0\"", script], environment: [
            "SNAPSHOT_DIR": workspace.snapshot.path, "RUNTIME_DIR": workspace.runtime.path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ])
        #expect(result.succeeded, "\(result.stderrText)")
        try Self.expectRuntimePermissions(workspace)
    }

    /// How a test names a runtime directory that resolves to `/`: literally, or through a symlink made for it.
    enum RootSpelling: String, CustomTestStringConvertible, CaseIterable {
        case slash = "/", slashDot = "/.", doubleSlash = "//", slashDotSlash = "/./", slashDotDot = "/..", tripleSlash = "///"
        case symlinkToRoot = "symlink → /", symlinkToDoubleSlashDotDot = "symlink → //..", symlinkToSymlink = "symlink → symlink → /"

        var testDescription: String { rawValue }

        /// The RUNTIME_DIR value, creating any symlink inside `folder`.
        func value(in folder: URL) throws -> String {
            let link = folder.appendingPathComponent("runtime-link").path
            switch self {
            case .symlinkToRoot:
                try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/")
                return link
            case .symlinkToDoubleSlashDotDot:
                try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "//..")
                return link
            case .symlinkToSymlink:
                let inner = folder.appendingPathComponent("inner-link").path
                try FileManager.default.createSymbolicLink(atPath: inner, withDestinationPath: "/")
                try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: inner)
                return link
            default:
                return rawValue
            }
        }
    }

    /// init.sh refuses a RUNTIME_DIR that resolves to `/` before it touches anything. Safe even against a broken
    /// guard: SNAPSHOT_DIR is empty (the missing genesis stops the script before it empties anything), PATH holds
    /// only a stand-in `rm` that deletes nothing and leaves a sentinel, and the run is checked for that sentinel.
    @Test(arguments: RootSpelling.allCases)
    func refusesARuntimeDirectoryThatResolvesToRoot(_ spelling: RootSpelling) async throws {
        try await checkRefusesRoot(spelling, shell: ["/bin/sh"])
    }

    /// The same with busybox's sh, as in the `init` image.
    @Test(.enabled(if: RuntimeTestSupport.isInstalled("busybox"), "needs busybox (apt-get install busybox; .ci/run installs it)"),
          arguments: RootSpelling.allCases)
    func refusesARuntimeDirectoryThatResolvesToRootWithBusybox(_ spelling: RootSpelling) async throws {
        try await checkRefusesRoot(spelling, shell: [try Subprocess("busybox").resolveExecutable().path, "sh"])
    }

    private func checkRefusesRoot(_ spelling: RootSpelling, shell: [String]) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("init-root-guard-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let snapshot = folder.appendingPathComponent("empty-snapshot")
        let bin = folder.appendingPathComponent("bin")
        let sentinel = folder.appendingPathComponent("rm-was-called")
        try FileManager.default.createDirectory(at: snapshot, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let rm = bin.appendingPathComponent("rm")
        try Data("#!/bin/sh\necho \"$*\" >>'\(sentinel.path)'\nexit 1\n".utf8).write(to: rm)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: rm.path)
        let script = try RuntimeTestSupport.snapshot()
        defer { try? FileManager.default.removeItem(at: script) }

        let result = try await RuntimeTestSupport.run(
            shell[0], Array(shell.dropFirst()) + [script.appendingPathComponent(InitScript.path).path], environment: [
                "SNAPSHOT_DIR": snapshot.path, "RUNTIME_DIR": try spelling.value(in: folder), "PATH": bin.path,
            ])
        #expect(result.status == 1)
        #expect(result.stderrText.contains("refusing to empty RUNTIME_DIR="), "\(result.stderrText)")
        #expect(result.stderrText.contains("it resolves to the root directory"))
        #expect(!FileManager.default.fileExists(atPath: sentinel.path), "nothing was removed")
    }

    /// A RUNTIME_DIR reached through a symlink is resolved: the directory it points to is emptied and filled, the
    /// symlink stays.
    @Test func followsASymlinkedRuntimeDirectory() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let link = workspace.runtime.appendingPathExtension("link")
        defer { try? FileManager.default.removeItem(at: link) }
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: workspace.runtime.path)
        try Data("stale".utf8).write(to: workspace.file("stale"))
        let result = try await RuntimeTestSupport.run("/bin/sh", [workspace.snapshot.appendingPathComponent(InitScript.path).path], environment: [
            "SNAPSHOT_DIR": workspace.snapshot.path, "RUNTIME_DIR": link.path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ])
        #expect(result.succeeded, "\(result.stderrText)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == workspace.runtime.path)
        #expect(!FileManager.default.fileExists(atPath: workspace.file("stale").path))
        #expect(FileManager.default.fileExists(atPath: workspace.file("testnet/genesis.ssz").path))
    }

    @Test func everyStartEmptiesTheVolumeAndDrawsNewTimeAndSecret() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        // What an earlier start would leave: databases, a slashing-protection DB, hidden files.
        for stale in ["el/geth/chaindata/000001.log", "cl/beacon/chain_db", "validators/keys/slashing_protection.sqlite", ".hidden", "..odd"] {
            let url = workspace.file(stale)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("stale".utf8).write(to: url)
        }
        let (first, _) = try await workspace.runInit()
        #expect(first.succeeded, "\(first.stderrText)")
        let entries = try FileManager.default.contentsOfDirectory(atPath: workspace.runtime.path).sorted()
        #expect(entries == ["cl", "el", "jwt.hex", "testnet", "validators", "vc"])
        #expect(!FileManager.default.fileExists(atPath: workspace.file("validators/keys/slashing_protection.sqlite").path))
        let firstTime = Self.littleEndian(try Data(contentsOf: workspace.file("testnet/genesis.ssz")).prefix(8))
        let firstJWT = try String(contentsOf: workspace.file("jwt.hex"), encoding: .utf8)

        try await Task.sleep(for: .seconds(1.1))
        let (second, _) = try await workspace.runInit()
        #expect(second.succeeded)
        let secondTime = Self.littleEndian(try Data(contentsOf: workspace.file("testnet/genesis.ssz")).prefix(8))
        let secondJWT = try String(contentsOf: workspace.file("jwt.hex"), encoding: .utf8)
        #expect(secondTime > firstTime)
        #expect(secondJWT != firstJWT)
        #expect(try workspace.configValue("MIN_GENESIS_TIME") == String(secondTime - 20))
    }

    @Test(arguments: [("GENESIS_DELAY: 0", 0), ("", 0), ("GENESIS_DELAY: '12'", 12)] as [(String, UInt64)])
    func minGenesisTimePlusGenesisDelayIsTheGenesisTime(delayLine: String, delay: UInt64) async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let config = workspace.snapshot.appendingPathComponent("cl/config.yaml")
        let text = try String(contentsOf: config, encoding: .utf8)
            .replacingOccurrences(of: "GENESIS_DELAY: 20\n", with: delayLine.isEmpty ? "" : delayLine + "\n")
        try Data(text.utf8).write(to: config)
        let start = Self.now()
        let (result, _) = try await workspace.runInit(delay: nil)
        let end = Self.now()
        #expect(result.succeeded, "\(result.stderrText)")
        let genesisTime = Self.littleEndian(try Data(contentsOf: workspace.file("testnet/genesis.ssz")).prefix(8))
        #expect(genesisTime >= start + 10 && genesisTime <= end + 10, "default delay 10 s")
        #expect(try workspace.configValue("MIN_GENESIS_TIME") == String(genesisTime - delay))
        #expect(try workspace.configValue("GENESIS_DELAY") == (delayLine.isEmpty ? "0" : String(delayLine.dropFirst(15))))
    }

    @Test(arguments: ["-1", "ten", "1e3"])
    func rejectsAnUnusableDelay(_ delay: String) async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let (result, _) = try await workspace.runInit(delay: delay)
        #expect(result.status == 1)
        #expect(result.stderrText.contains("GENESIS_DELAY_SECONDS must be a whole number"))
    }

    @Test func failsWhenTheGenesisStateIsMissing() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try FileManager.default.removeItem(at: workspace.snapshot.appendingPathComponent("cl/genesis.ssz"))
        let (result, _) = try await workspace.runInit()
        #expect(result.status == 1 && result.stderrText.contains("cl/genesis.ssz is missing"))
    }

    /// VALIDATORS_OWNER hands the key copies to the validator client's user (here the test's own user, which needs no
    /// privilege), and a value that is not `uid:gid` stops the script before it touches anything.
    @Test func givesTheKeysToTheValidatorsOwner() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let owner = "\(getuid()):\(getgid())"
        let (result, _) = try await workspace.runInit(validatorsOwner: owner)
        #expect(result.status == 0, "\(result.stderrText)")
        let attributes = try FileManager.default.attributesOfItem(atPath: workspace.file("validators").path)
        #expect((attributes[.ownerAccountID] as? NSNumber)?.uint32Value == getuid())
        let (bad, _) = try await workspace.runInit(validatorsOwner: "teku")
        #expect(bad.status == 1 && bad.stderrText.contains("VALIDATORS_OWNER must be uid:gid, not 'teku'"))
    }
}
