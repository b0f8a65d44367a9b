import Foundation
import SnapshotKit
import Testing

/// Hostile input: credentials in URLs, escape sequences and huge strings from nodes, YAML alias bombs, endless files.
struct InputHardeningTests {
    // MARK: - RedactedURL

    @Test(arguments: [
        ("http://user:password@host:8545", "http://***@host:8545"),
        ("https://node.example/?apikey=s3cret&chain=1", "https://node.example/?apikey=***&chain=***"),
        ("https://mainnet.example.io/v3/0123456789abcdef0123456789abcdef", "https://mainnet.example.io/v3/***"),
        ("http://127.0.0.1:8545", "http://127.0.0.1:8545"),
        ("http://127.0.0.1:8545/rpc#token=x", "http://127.0.0.1:8545/rpc"),
        ("not a url with secret", "***"),
    ])
    func redactsEverySecretOfAURL(_ input: String, _ expected: String) {
        #expect(RedactedURL(input).description == expected)
    }

    @Test func aRedactedURLKeepsNoPartOfTheSecret() {
        let text = RedactedURL(URL(string: "http://alice:hunter2@10.0.0.1:8545/?token=abc123")!).description
        #expect(!text.contains("alice") && !text.contains("hunter2") && !text.contains("abc123"))
        #expect(text.contains("10.0.0.1:8545"))
    }

    // MARK: - ExternalText

    @Test func controlCharactersCannotReachTheTerminal() {
        let hostile = "Geth/v1\u{1B}[2J\u{1B}]0;pwned\u{07}\r\n\u{9B}31m"
        let clean = ExternalText.sanitized(hostile)
        #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(clean.hasPrefix("Geth/v1?[2J?]0;pwned?"))
    }

    @Test func aHugeClientVersionIsCutAndSaysSo() {
        let huge = "Geth/" + String(repeating: "x", count: 100_000)
        let clean = ExternalText.sanitized(huge, limit: ExternalText.clientVersionLimit)
        #expect(clean.hasPrefix("Geth/xxx"))
        #expect(clean.hasSuffix("… (\(100_005 - 256) more bytes left out)"))
        #expect(clean.count < 300)
    }

    // MARK: - YAML and file bounds

    /// Nine levels of ten aliases each: 10^9 nodes once expanded.
    static let aliasBomb: String = {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let previous = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(previous)]")
        }
        return lines.joined(separator: "\n") + "\nPRESET_BASE: minimal\n"
    }()

    @Test func aYAMLAliasBombInConfigIsRefusedWithTheBound() {
        #expect {
            _ = try ConsensusConfig(yaml: Self.aliasBomb)
        } throws: { error in
            String(describing: error).contains("more than \(BoundedYAML.maxNodes) YAML nodes")
        }
    }

    @Test func aYAMLAliasBombInMnemonicsIsRefusedWithTheBound() {
        let bomb = Self.aliasBomb.replacingOccurrences(of: "PRESET_BASE: minimal\n", with: "")
            .split(separator: "\n").map { "- " + $0 }.joined(separator: "\n")
        #expect {
            _ = try MnemonicsFile(yaml: bomb)
        } throws: { error in
            String(describing: error).contains("more than \(BoundedYAML.maxNodes) YAML nodes")
        }
    }

    @Test func aFewAliasesStillParse() throws {
        let config = try ConsensusConfig(yaml: "A: &x 1\nB: *x\n")
        #expect(config.entries.count == 2)
    }

    @Test func anOversizedConfigFileIsRefusedWithTheBound() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("big-config-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: UInt64(InputFile.smallFileLimit + 1))
        try handle.close()
        #expect {
            _ = try ConsensusConfig(contentsOf: file)
        } throws: { error in
            String(describing: error).contains("larger than 4 MiB")
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/zero"), "needs /dev/zero"))
    func anEndlessFileIsRefused() {
        #expect(throws: InputFileError.tooLarge(path: "/dev/zero", limit: 1024)) {
            _ = try InputFile.read(URL(fileURLWithPath: "/dev/zero"), limit: 1024)
        }
    }
}
