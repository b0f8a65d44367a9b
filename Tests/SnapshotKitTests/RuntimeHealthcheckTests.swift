import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing

/// The EL health check for images without curl, run by bash for real against a JSON-RPC server.
@Suite struct RuntimeHealthcheckTests {
    /// The check's command aimed at `port` instead of the container's 8545.
    static func command(port: Int) throws -> [String] {
        let check = RuntimeHealthcheck.executionJSONRPC
        #expect(check.command.prefix(2) == ["bash", "-c"] && check.command.count == 3)
        let script = check.command[2]
        #expect(script.contains("/dev/tcp/127.0.0.1/\(RuntimePorts.executionRPC) "))
        return ["-c", script.replacingOccurrences(of: "/dev/tcp/127.0.0.1/\(RuntimePorts.executionRPC) ", with: "/dev/tcp/127.0.0.1/\(port) ")]
    }

    @Test(.enabled(if: RuntimeTestSupport.isInstalled("bash"), "needs bash (the check runs in the client images' bash)"))
    func passesWhenTheNodeAnswersAndFailsOtherwise() async throws {
        let calls = Calls()
        let server = try JSONRPCTestServer { method, params in
            calls.add(method, params)
            return .string("0x2a")
        }
        let port = try #require(server.url.port)
        let healthy = try await Subprocess("bash").run(try Self.command(port: port))
        #expect(healthy.succeeded, "\(healthy.stderrText)")
        #expect(calls.all == ["eth_blockNumber []"], "one well-formed JSON-RPC request (its Content-Length is right)")

        server.inject(.httpStatus(503, body: "starting"))
        let starting = try await Subprocess("bash").run(try Self.command(port: port))
        #expect(!starting.succeeded)
        server.stop()
        let down = try await Subprocess("bash").run(try Self.command(port: port))
        #expect(!down.succeeded)
    }

    /// A node that answers with a JSON-RPC error (HTTP 200) is not healthy yet.
    @Test(.enabled(if: RuntimeTestSupport.isInstalled("bash"), "needs bash (the check runs in the client images' bash)"))
    func failsOnAnErrorAnswer() async throws {
        let server = try JSONRPCTestServer.answeringOnItsThreads { _, _ in
            throw JSONRPCTestServer.RPCFailure(code: -32000, message: "starting up")
        }
        let port = try #require(server.url.port)
        let answer = try await Subprocess("bash").run(["-c", RuntimeHealthcheck.executionJSONRPC(port: port).command[2]])
        #expect(!answer.succeeded)
    }

    /// Compose substitutes `$` in a service definition; the check must hold none.
    @Test func holdsNoDollarSign() {
        #expect(!RuntimeHealthcheck.executionJSONRPC.command.joined().contains("$"))
        #expect(RuntimeHealthcheck.executionJSONRPC == .executionJSONRPC(port: RuntimePorts.executionRPC))
    }

    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String] = []
        func add(_ method: String, _ params: [JSONValue]) { lock.withLock { entries.append("\(method) \(JSONWriter.string(.array(params)))") } }
        var all: [String] { lock.withLock { entries } }
    }
}
