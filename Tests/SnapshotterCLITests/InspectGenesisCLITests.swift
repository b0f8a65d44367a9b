import Foundation
import TestFixtures
import Testing

/// `snapshotter inspect-genesis` run as a user runs it.
@Suite struct InspectGenesisCLITests {
    /// The SnapshotKit fixtures, found from this source file (the CLI test target has no resources of its own).
    static let fixtures = TestFixtures.root.appendingPathComponent("genesis")

    @Test func jsonForMainnet() async throws {
        // Quiet: on a loaded machine the read may outlast the progress interval, and stderr would carry a line.
        let result = try await CLI.run(["inspect-genesis", Self.fixtures.appendingPathComponent("mainnet.json").path, "--json", "--quiet"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["accounts"] as? Int == 8893)
        #expect(object["stateRoot"] as? String == "0xd7f8974fb5ac78d9ac099b9ad5018bedc2ce0a72dad1827a1709da30580f0544")
        #expect(object["hash"] as? String == "0xd4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3")
        #expect(object["chainId"] as? Int == 1)
        #expect(object["contracts"] as? Int == 0 && object["storageSlots"] as? Int == 0)
    }

    @Test func textForHoodi() async throws {
        let result = try await CLI.run(["inspect-genesis", Self.fixtures.appendingPathComponent("hoodi.json").path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.contains("accounts          335"))
        #expect(lines.contains("genesis hash      0xbbe312868b376a3001692a646dd2d7d1e4406380dfd86b98aa8a34d1557c971b"))
        #expect(lines.contains { $0.hasPrefix("forks at genesis") && $0.hasSuffix("shanghai, cancun") })
    }

    @Test(arguments: [
        ("missing", nil, "cannot read genesis file"),
        ("invalid JSON", #"{"gasLimit": "0x1", "#, "not valid JSON"),
        ("non-numeric balance", #"{"gasLimit": "0x1", "difficulty": "0x1", "alloc": {"0x0000000000000000000000000000000000000001": {"balance": "ten"}}}"#,
         "alloc 0x0000000000000000000000000000000000000001 balance"),
    ] as [(String, String?, String)])
    func badInputFailsWithOneLine(_ label: String, _ contents: String?, _ expected: String) async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("inspect-genesis-\(UUID().uuidString).json")
        if let contents { try Data(contents.utf8).write(to: url) }
        defer { try? FileManager.default.removeItem(at: url) }
        for extra in [[], ["--json"]] {
            let result = try await CLI.run(["inspect-genesis", url.path] + extra)
            #expect(result.status == 2, "\(label)")
            #expect(result.stdout.isEmpty, "\(label)")
            #expect(result.stderr.hasPrefix("error: ") && result.stderr.contains(expected), "\(label): \(result.stderr)")
            #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(label): one line")
        }
    }
}
