import Foundation
import SnapshotKit
import SnapshotTestSupport
import TestFixtures
import Testing

/// `snapshotter verify` run as a user runs it, on the fixture snapshot.
@Suite struct VerifyCLITests {
    /// The SnapshotKit fixtures, found from this source file (the CLI test target has no resources of its own).
    static let fixtures = TestFixtures.root

    static func snapshot() throws -> URL {
        try SnapshotFixture.build(
            fixtures: fixtures, registry: PluginRegistry([StubExecutionRuntimePlugin(), StubConsensusRuntimePlugin()]))
    }

    static func tamper(_ folder: URL) throws {
        let url = folder.appendingPathComponent("source/mnemonics.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "giant", with: "Giant").utf8).write(to: url)
    }

    @Test func freshSnapshotVerifies() async throws {
        let folder = try Self.snapshot()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Quiet: on a loaded machine reading el/genesis.json may outlast the progress interval.
        let result = try await CLI.run(["verify", folder.path, "--quiet"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 10)
        #expect(lines.prefix(9).allSatisfy { $0.hasPrefix("ok   ") })
        #expect(lines.contains("ok   cl.genesisState: fulu state of the minimal preset with 8 validators"))
        #expect(lines.last == "verified: all 9 checks hold")
    }

    @Test func tamperedSnapshotExits3WithTheFailures() async throws {
        let folder = try Self.snapshot()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.tamper(folder)
        let result = try await CLI.run(["verify", folder.path])
        #expect(result.status == 3)
        #expect(result.stdout.contains("FAIL files: SHA-256 differs: source/mnemonics.yaml\n"))
        #expect(result.stdout.hasSuffix("not verified: 1 of 9 checks failed\n"))
    }

    @Test(arguments: [false, true])
    func jsonReport(tampered: Bool) async throws {
        let folder = try Self.snapshot()
        defer { try? FileManager.default.removeItem(at: folder) }
        if tampered { try Self.tamper(folder) }
        let result = try await CLI.run(["verify", folder.path, "--json"])
        #expect(result.status == (tampered ? 3 : 0))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["ok", "checks"])
        #expect(object["ok"] as? Bool == !tampered)
        let checks = try #require(object["checks"] as? [String: [String: Any]])
        #expect(checks.count == 9)
        for (name, check) in checks {
            #expect(Set(check.keys) == ["ok", "detail"], "\(name)")
            #expect(check["ok"] as? Bool == !(tampered && name == "files"), "\(name)")
            #expect((check["detail"] as? String)?.isEmpty == false, "\(name)")
        }
    }

    @Test func unusableInputExits2() async throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-snapshot-\(UUID().uuidString)")
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("empty-snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        for (folder, message) in [(missing, "is not a folder"), (empty, "has no metadata.json")] {
            for extra in [[], ["--json"]] {
                let result = try await CLI.run(["verify", folder.path] + extra)
                #expect(result.status == 2)
                #expect(result.stdout.isEmpty)
                #expect(result.stderr.hasPrefix("error: \(folder.path) ") && result.stderr.contains(message), "\(result.stderr)")
                #expect(result.stderr.filter { $0 == "\n" }.count == 1)
            }
        }
    }
}
