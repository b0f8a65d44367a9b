import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing

/// `create --rpc-timeout` and `--rpc-retries` against a node that never answers: the run ends at the timeout with
/// an error naming the option, and waiting costs no CPU.
@Suite struct RPCTimeoutCLITests {
    /// The child's CPU seconds are measured by the shell that waits for it (`times`), so what the rest of the test
    /// process and the machine are doing does not count: the bound holds under any load.
    @Test(.timeLimit(.minutes(10))) func aSilentNodeCostsNoCPUAndTheErrorNamesTheOption() async throws {
        let server = try JSONRPCTestServer.answeringOnItsThreads { _, _ in .string("never sent") }
        server.inject(.neverAnswer, times: .max)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("rpc-timeout-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let arguments = ["create", "--rpc-url", server.url.absoluteString, "--genesis-dir", CreateFromDumpTests.genesisDir.path,
                         "--out", out.path, "--quiet", "--rpc-timeout", "2", "--rpc-retries", "1"]
        let result = try await CLI.run(["-c", #""$0" "$@"; status=$?; times >&2; exit $status"#, CLI.executable.path] + arguments,
                                       shell: true)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("cannot reach \(server.url.absoluteString) (web3_clientVersion): no answer within 2 s after 2 attempts"),
                "\(result.stderr)")
        #expect(result.stderr.contains("raise --rpc-timeout"), "\(result.stderr)")
        #expect(server.httpRequestCount == 2)
        let written = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        #expect(written.isEmpty, "no half-written snapshot: \(written)")
        // `times` prints the shell's user and system time, then its children's: the child waited 4 s in all.
        let lines = result.stderr.split(separator: "\n").suffix(2)
        let childCPU = try #require(lines.last.flatMap(Self.cpuSeconds), "no `times` output in \(result.stderr)")
        #expect(childCPU < 1.5, "waiting 4 s for a silent node cost \(childCPU) CPU seconds")
    }

    @Test(arguments: [["--rpc-timeout", "0"], ["--rpc-timeout", "-3"], ["--rpc-timeout", "nan"], ["--rpc-retries", "-1"]])
    func badValuesAreRefused(_ option: [String]) async throws {
        let result = try await CLI.run(["create", "--rpc-url", "http://127.0.0.1:9", "--genesis-dir", CreateFromDumpTests.genesisDir.path]
                                       + option)
        #expect(result.status == 2)
        #expect(result.stderr.contains(option[0]), "\(result.stderr)")
    }

    @Test func helpDocumentsTheOptions() async throws {
        let result = try await CLI.run(["create", "--help"])
        #expect(result.stdout.contains("--rpc-timeout <seconds>"))
        #expect(result.stdout.contains("--rpc-retries <n>"))
    }

    /// `0m1.250s 0m0.040s` (user, system) → 1.29.
    private static func cpuSeconds(_ line: Substring) -> Double? {
        let fields = line.split(separator: " ")
        guard fields.count == 2 else { return nil }
        var total = 0.0
        for field in fields {
            guard field.hasSuffix("s"), let m = field.firstIndex(of: "m"),
                  let minutes = Double(field[..<m]), let seconds = Double(field[field.index(after: m)..<field.index(before: field.endIndex)])
            else { return nil }
            total += minutes * 60 + seconds
        }
        return total
    }
}
