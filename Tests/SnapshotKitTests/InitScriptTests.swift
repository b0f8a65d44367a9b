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
        func runInit(shell: Shell = .system, delay: String? = "5") async throws -> (SubprocessResult, Double) {
            let (program, path) = try shell.programAndPath()
            var environment = ["SNAPSHOT_DIR": snapshot.path, "RUNTIME_DIR": runtime.path, "PATH": path]
            if let delay { environment["GENESIS_DELAY_SECONDS"] = delay }
            let start = ContinuousClock.now
            let result = try await RuntimeTestSupport.run(
                program, [snapshot.appendingPathComponent(InitScript.path).path], environment: environment)
            let elapsed = ContinuousClock.now - start
            return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
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

        static var available: [Shell] { RuntimeTestSupport.isInstalled("busybox") ? [.system, .busybox] : [.system] }

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

    @Test(arguments: Shell.available)
    func writesTheGenesisTimeAndNothingElse(shell: Shell) async throws {
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
        #expect(try SnapshotFileDigests.compute(in: workspace.snapshot) == before, "the snapshot folder is untouched")
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
}
