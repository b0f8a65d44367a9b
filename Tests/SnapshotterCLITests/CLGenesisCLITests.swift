import Foundation
import TestFixtures
import Testing

/// `snapshotter cl-genesis` run as a user runs it, on the cl-genesis reference cases (Fixtures/cl-genesis).
@Suite struct CLGenesisCLITests {
    static let cases = ["a-minimal-fulu-8val-0x01", "b-minimal-electra-64val-0x00", "f-minimal-fulu-mixed-validators"]

    private static func fixture(_ file: String, in folder: String) throws -> URL {
        try TestFixtures.url("cl-genesis/\(folder)/\(file)")
    }

    private static func firstLine(_ file: String, in folder: String) throws -> String {
        String(String(decoding: try Data(contentsOf: fixture(file, in: folder)), as: UTF8.self).prefix { $0 != "\n" })
    }

    private static func run(
        folder: String, config: URL? = nil, genesis: URL? = nil, mnemonics: URL? = nil, json: Bool = true
    ) async throws -> (CLI.Result, URL) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cl-genesis-\(UUID().uuidString)")
        let arguments = [
            "cl-genesis",
            "--config", try (config ?? fixture("config.yaml", in: folder)).path,
            "--el-genesis", try (genesis ?? fixture("genesis.json", in: folder)).path,
            "--mnemonics", try (mnemonics ?? fixture("mnemonics.yaml", in: folder)).path,
            "--out", out.path,
        ] + (json ? ["--json"] : [])
        return (try await CLI.run(arguments), out)
    }

    @Test(arguments: cases)
    func writesTheReferenceGenesisState(folder: String) async throws {
        let (result, out) = try await Self.run(folder: folder)
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let written = try Data(contentsOf: out.appendingPathComponent("genesis.ssz"))
        #expect(written == (try Data(contentsOf: Self.fixture("genesis.ssz", in: folder))))

        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["stateRoot"] as? String == (try Self.firstLine("state_root.txt", in: folder)))
        #expect(object["genesisValidatorsRoot"] as? String == (try Self.firstLine("genesis_validators_root.txt", in: folder)))
        #expect(object["elGenesisHash"] as? String == (try Self.firstLine("el_genesis_hash.txt", in: folder)))
        #expect(object["preset"] as? String == "minimal")
        #expect(object["fork"] as? String == (folder.contains("electra") ? "electra" : "fulu"))
        let counts = ["a-minimal-fulu-8val-0x01": 8, "b-minimal-electra-64val-0x00": 64]
        #expect(object["validators"] as? Int == counts[folder] ?? 14)
    }

    @Test func textOutputNamesEveryFigure() async throws {
        let folder = Self.cases[0]
        let (result, out) = try await Self.run(folder: folder, json: false)
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("fork") && $0.hasSuffix("fulu") })
        let root = try Self.firstLine("state_root.txt", in: folder)
        #expect(lines.contains { $0.hasPrefix("state root") && $0.hasSuffix(root) })
        #expect(lines.contains { $0.hasPrefix("validators") && $0.hasSuffix(" 8") })
    }

    /// A temporary copy of a fixture with `edit` applied to its text.
    private static func edited(_ file: String, in folder: String, _ edit: (String) -> String) throws -> URL {
        let text = String(decoding: try Data(contentsOf: fixture(file, in: folder)), as: UTF8.self)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(file)")
        try Data(edit(text).utf8).write(to: url)
        return url
    }

    @Test(arguments: [
        ("Gloas at genesis", "config.yaml", "GLOAS_FORK_EPOCH: 18446744073709551615", "GLOAS_FORK_EPOCH: 0",
         "GLOAS at epoch 0"),
        ("unknown fork at genesis", "config.yaml", "EIP7928_FORK_EPOCH: 18446744073709551615", "EIP7928_FORK_EPOCH: 0",
         "EIP7928 at epoch 0"),
        ("unknown preset", "config.yaml", "PRESET_BASE: 'minimal'", "PRESET_BASE: 'gnosis'", "only 'minimal' and 'mainnet'"),
        ("bad mnemonic checksum", "mnemonics.yaml", "have athlete", "have have", "not a valid BIP-39 phrase"),
        ("Electra without Prague", "genesis.json", "\"pragueTime\": 0,", "", "does not activate prague"),
        ("Fulu without Osaka", "genesis.json", "\"osakaTime\": 0,", "", "does not activate osaka"),
        ("Cancun missing", "genesis.json", "\"cancunTime\": 0,", "", "does not activate cancun"),
    ] as [(String, String, String, String, String)])
    func badInputFailsWithOneLine(
        _ label: String, _ file: String, _ original: String, _ replacement: String, _ expected: String
    ) async throws {
        let folder = Self.cases[0]
        let changed = try Self.edited(file, in: folder) { text in
            #expect(text.contains(original), "\(label): fixture lacks \(original)")
            return text.replacingOccurrences(of: original, with: replacement)
        }
        defer { try? FileManager.default.removeItem(at: changed) }
        let (result, out) = try await Self.run(
            folder: folder, config: file == "config.yaml" ? changed : nil,
            genesis: file == "genesis.json" ? changed : nil, mnemonics: file == "mnemonics.yaml" ? changed : nil)
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(result.status == 2, "\(label)")
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(label): \(result.stderr)")
        #expect(lines.first?.hasPrefix("error: ") == true)
        #expect(result.stderr.contains(expected), "\(label): \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("genesis.ssz").path))
    }

    @Test func missingFileFailsWithOneLine() async throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).yaml")
        let (result, out) = try await Self.run(folder: Self.cases[0], mnemonics: missing)
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: cannot read \(missing.path): no such file"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
