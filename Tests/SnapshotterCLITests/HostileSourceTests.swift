import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing

/// `create --rpc-url` against a node and a URL that try to smuggle things through: a credential in the URL must
/// never be stored or printed, and a huge client version full of escape sequences is cut and cleaned. One test at a
/// time: each runs the binary, and the fake node shares this process with every other suite.
@Suite(.serialized) struct HostileSourceTests {
    private func outputFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
    }

    /// Every file of a snapshot folder, as text.
    private func texts(_ folder: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        while let path = enumerator.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) {
                files[path] = String(decoding: data, as: UTF8.self)
            }
        }
        return files
    }

    @Test func aCredentialInTheRPCURLIsNeverStoredOrPrinted() async throws {
        let node = try FakeGethNode(chain: try CreateFromNodeTests.chain())
        let port = try #require(node.url.port)
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let url = "http://alice:hunter2@127.0.0.1:\(port)/?apikey=topsecret"
        let result = try await CLI.run([
            "create", "--rpc-url", url, "--genesis-dir", CreateFromDumpTests.genesisDir.path, "--out", out.path, "--name", "s",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try texts(out.appendingPathComponent("s"))
        #expect(files["metadata.json"]?.contains("http://***@127.0.0.1:\(port)/?apikey=***") == true)
        for (path, text) in files.merging(["stdout": result.stdout, "stderr": result.stderr], uniquingKeysWith: { $1 }) {
            #expect(!text.contains("hunter2") && !text.contains("topsecret") && !text.contains("alice"), "\(path) leaks the credential")
        }
    }

    @Test func aCredentialInAnUnreachableRPCURLIsNotPrinted() async throws {
        let result = try await CLI.run([
            "create", "--rpc-url", "http://bob:hunter2@127.0.0.1:9/?token=topsecret", "--genesis-dir",
            CreateFromDumpTests.genesisDir.path, "--out", outputFolder().path, "--quiet",
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot reach http://***@127.0.0.1:9/?token=***"), "\(result.stderr)")
        #expect(!result.stderr.contains("hunter2") && !result.stderr.contains("topsecret") && !result.stderr.contains("bob"))
    }

    /// Under the transport's 64 KiB bound for this call the version is read, then cut to 256 characters and cleaned.
    @Test func aLongClientVersionWithEscapeSequencesIsCutAndCleaned() async throws {
        let hostile = "Geth/v1.16.8\u{1B}]0;pwned\u{07}\u{1B}[2J" + String(repeating: "A", count: 60_000)
        let node = try FakeGethNode(chain: try CreateFromNodeTests.chain(), knobs: .init(clientVersion: hostile))
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try await CLI.run([
            "create", "--rpc-url", node.url.absoluteString, "--genesis-dir", CreateFromDumpTests.genesisDir.path,
            "--out", out.path, "--name", "s",
        ])
        #expect(result.status == 0, "\(result.stderr.prefix(500))")
        #expect(result.stderr.count < 10_000 && !result.stderr.contains("\u{1B}"))
        let files = try texts(out.appendingPathComponent("s"))
        for name in ["metadata.json", "README.md"] {
            let text = try #require(files[name])
            #expect(text.count < 50_000, "\(name) holds the client version whole")
            #expect(!text.contains("\u{1B}") && !text.contains("\\u001b"), "\(name) holds an escape sequence")
            #expect(text.contains("Geth/v1.16.8?]0;pwned??[2J"), "\(name)")
            #expect(text.contains("more bytes left out"), "\(name)")
        }
    }

    /// A client version past 64 KiB is not read at all: one line naming the bound, exit 2, nothing written.
    @Test func aHugeClientVersionIsRefusedAtTheBound() async throws {
        let hostile = "Geth/v1.16.8\u{1B}[2J" + String(repeating: "A", count: 2_000_000)
        let node = try FakeGethNode(chain: try CreateFromNodeTests.chain(), knobs: .init(clientVersion: hostile))
        let out = outputFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try await CLI.run([
            "create", "--rpc-url", node.url.absoluteString, "--genesis-dir", CreateFromDumpTests.genesisDir.path,
            "--out", out.path, "--name", "s",
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("web3_clientVersion") && result.stderr.contains("64 KiB"), "\(result.stderr.prefix(500))")
        #expect(result.stderr.count < 10_000 && !result.stderr.contains("\u{1B}"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("s").path))
    }
}
