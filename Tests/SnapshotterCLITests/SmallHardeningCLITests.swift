import Foundation
import SnapshotKit
import SnapshotTestSupport
import TestFixtures
import Testing

/// The smaller hostile-input cases of issue 11, run as a user runs them: each is one clear `error:` line with exit
/// code 2 (or a working command), nothing raw reaching the terminal, nothing left behind.
@Suite struct SmallHardeningCLITests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples/devnet-dump")
    static let dump = example.appendingPathComponent("state.jsonl")
    static let genesisDir = example.appendingPathComponent("genesis")

    private func temporaryFolder(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The one `error:` line of a failed run.
    private func expectOneErrorLine(_ result: CLI.Result, status: Int32 = 2, containing texts: [String],
                                    sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines.first?.hasPrefix("error: ") == true, "\(result.stderr)", sourceLocation: sourceLocation)
        for text in texts {
            #expect(result.stderr.contains(text), "\(result.stderr) lacks \(text)", sourceLocation: sourceLocation)
        }
    }

    // MARK: - --kurtosis-timeout

    @Test func kurtosisTimeoutIsAnOptionNamedByTheTimeoutError() async throws {
        let folder = try temporaryFolder("slow-kurtosis")
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("kurtosis")
        try Data("#!/bin/sh\nexec sleep 30\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = folder.path + ":/usr/bin:/bin"
        let result = try await CLI.run(
            ["create", "--enclave", "devnet", "--kurtosis-timeout", "1", "--quiet", "--out", folder.appendingPathComponent("out").path],
            environment: environment)
        expectOneErrorLine(result, containing: ["`kurtosis enclave ls` did not finish within 1", "--kurtosis-timeout"])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))

        let help = try await CLI.run(["create", "--help"])
        #expect(help.stdout.contains("--kurtosis-timeout <seconds>"))
        expectOneErrorLine(try await CLI.run(["create", "--enclave", "devnet", "--kurtosis-timeout", "0"]),
                           containing: ["--kurtosis-timeout must be at least 1"])
    }

    // MARK: - Terminal escape sequences

    @Test func escapeSequencesInErrorsAndGenesisValuesNeverReachTheTerminal() async throws {
        let folder = try temporaryFolder("escape")
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("genesis\u{1B}]0;owned\u{07}\u{1B}[2J.json")
        let failed = try await CLI.run(["inspect-genesis", missing.path])
        expectOneErrorLine(failed, containing: ["genesis?]0;owned??[2J.json"])
        #expect(!failed.stderr.contains("\u{1B}") && !failed.stderr.contains("\u{07}"))

        // A fork name is a genesis config key: one that carries an escape sequence is printed made safe.
        let source = try String(contentsOf: Self.genesisDir.appendingPathComponent("genesis.json"), encoding: .utf8)
        let hostile = source.replacingOccurrences(of: "\"config\": {", with: "\"config\": {\"\\u001b[31mevilTime\": 0,")
            .replacingOccurrences(of: "\"config\":{", with: "\"config\":{\"\\u001b[31mevilTime\":0,")
        #expect(hostile != source)
        let file = folder.appendingPathComponent("genesis.json")
        try Data(hostile.utf8).write(to: file)
        let inspected = try await CLI.run(["inspect-genesis", file.path])
        #expect(inspected.status == 0, "\(inspected.stderr)")
        #expect(!inspected.stdout.contains("\u{1B}"))
        #expect(inspected.stdout.contains("?[31mevil"))

        // A stale temporary folder's name is printed made safe too.
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent(".x\u{1B}[2J.partial-0badf00d"), withIntermediateDirectories: true)
        let noted = try await CLI.run(["create", "--from-dump", Self.dump.path, "--genesis-dir", folder.appendingPathComponent("absent").path,
                                       "--out", out.path])
        #expect(noted.status == 2 && noted.stderr.contains(".x?[2J.partial-0badf00d"), "\(noted.stderr)")
        #expect(!noted.stderr.contains("\u{1B}"))
    }

    // MARK: - verify through a symbolic link

    @Test func verifyFollowsASymbolicLinkToTheSnapshot() async throws {
        let snapshot = try SnapshotFixture.build(
            fixtures: TestFixtures.root, registry: PluginRegistry([StubExecutionRuntimePlugin(), StubConsensusRuntimePlugin()]))
        defer { try? FileManager.default.removeItem(at: snapshot) }
        let link = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-link-\(UUID().uuidString)")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: snapshot)
        defer { try? FileManager.default.removeItem(at: link) }
        let result = try await CLI.run(["verify", link.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasSuffix("verified: all 9 checks hold\n"))
    }

    // MARK: - --out, --name

    @Test func anEmptyOutIsRefused() async throws {
        expectOneErrorLine(try await CLI.run(["create", "--from-dump", Self.dump.path, "--genesis-dir", Self.genesisDir.path, "--out", ""]),
                           containing: ["--out is empty"])
        expectOneErrorLine(try await CLI.run(["cl-genesis", "--config", "c", "--el-genesis", "g", "--mnemonics", "m", "--out", ""]),
                           containing: ["--out is empty"])
    }

    @Test func aNameTooLongForItsPartialFolderIsRefused() async throws {
        let name = String(repeating: "n", count: 240)
        expectOneErrorLine(
            try await CLI.run(["create", "--from-dump", Self.dump.path, "--genesis-dir", Self.genesisDir.path, "--name", name]),
            containing: ["--name is 240 bytes long; at most 237 fit"])
    }

    @Test func aLongDefaultNameIsCutToFit() async throws {
        let folder = try temporaryFolder("long-default-name")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dump = folder.appendingPathComponent(String(repeating: "d", count: 240) + ".jsonl")
        try FileManager.default.copyItem(at: Self.dump, to: dump)
        let out = folder.appendingPathComponent("out")
        let result = try await CLI.run(["create", "--from-dump", dump.path, "--genesis-dir", Self.genesisDir.path, "--out", out.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(names.count == 1)
        #expect(names.first.map { $0.utf8.count == SnapshotWorkspace.maxNameBytes && $0.hasSuffix("-0-" + $0.suffix(16)) } == true,
                "\(names)")
    }

    @Test func aFailedRunRemovesTheEmptyOutItCreated() async throws {
        let folder = try temporaryFolder("failed-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try String(contentsOf: Self.dump, encoding: .utf8).split(separator: "\n").prefix(10)
        let truncated = folder.appendingPathComponent("truncated.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: truncated)
        let out = folder.appendingPathComponent("new/out")
        let result = try await CLI.run(["create", "--from-dump", truncated.path, "--genesis-dir", Self.genesisDir.path, "--out", out.path, "--quiet"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["truncated.jsonl"],
                "new/ and new/out/ were created by the run and are removed")
    }

    // MARK: - Images, subcommands, enclaves

    @Test(arguments: ["geth:${TAG}", "geth:v1\"", "'geth:v1'", "Ethereum/client-go:v1", "geth@sha256:abc"])
    func anImageComposeWouldInterpretIsRefused(_ image: String) async throws {
        for flag in ["--el-image", "--cl-image"] {
            expectOneErrorLine(
                try await CLI.run(["create", "--from-dump", Self.dump.path, "--genesis-dir", Self.genesisDir.path, flag, image]),
                containing: ["\(flag) \"\(image)\" is not an image reference", ImageReference.expectedForm])
        }
    }

    @Test func aMistypedSubcommandIsNamed() async throws {
        expectOneErrorLine(try await CLI.run(["verfy", "some/dir"]), containing: ["unknown command 'verfy'; did you mean verify?"])
        expectOneErrorLine(try await CLI.run(["inspect-gensis", "g.json"]),
                           containing: ["unknown command 'inspect-gensis'; did you mean inspect-genesis?"])
        expectOneErrorLine(try await CLI.run(["frobnicate"]), containing: ["unknown command 'frobnicate'; the commands are create"])
    }

    @Test(arguments: ["--help", "-x", "a b", "dev/net", "x;rm", String(repeating: "e", count: 65)])
    func anEnclaveNameKurtosisDoesNotAllowIsRefused(_ name: String) async throws {
        // No subcommand: `create` runs by default and still reads its options.
        expectOneErrorLine(try await CLI.run(["--enclave=\(name)", "--el", "geth", "--cl", "lighthouse"]),
                           containing: ["is not an enclave name or UUID"])
    }

    // MARK: - File errors

    @Test func fileErrorsArePlainReasons() async throws {
        let folder = try temporaryFolder("file-errors")
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: blocker)
        let result = try await CLI.run([
            "cl-genesis", "--config", Self.genesisDir.appendingPathComponent("config.yaml").path,
            "--el-genesis", Self.genesisDir.appendingPathComponent("genesis.json").path,
            "--mnemonics", Self.genesisDir.appendingPathComponent("mnemonics.yaml").path,
            "--out", blocker.appendingPathComponent("sub").path,
        ])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: cannot write \(blocker.path)/sub/genesis.ssz: "))
        #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("could not be completed"), "\(result.stderr)")
        #expect(result.stderr.contains("not a directory"), "\(result.stderr)")
    }
}
