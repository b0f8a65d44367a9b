import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing

/// `RuntimeHealthcheck.executionJSONRPC`, run by bash as compose runs it inside the container, against a real HTTP
/// JSON-RPC server on the loopback interface.
@Suite struct JSONRPCHealthcheckTests {
    static func run(_ check: RuntimeHealthcheck) async throws -> SubprocessResult {
        let command = check.command
        return try await Subprocess(command[0], timeout: .seconds(10)).run(Array(command.dropFirst()))
    }

    @Test func holdsOnceTheNodeAnswersWithAResult() async throws {
        let server = try JSONRPCTestServer.answeringOnItsThreads { method, _ in
            #expect(method == "eth_blockNumber")
            return .string("0x2a")
        }
        let port = try #require(server.url.port)
        let result = try await Self.run(.executionJSONRPC(port: port))
        #expect(result.succeeded, "\(result.stderrText)")
        #expect(server.requestCount(for: "eth_blockNumber") == 1)
    }

    @Test func failsOnAnErrorAnswerAndOnAClosedPort() async throws {
        let starting = try JSONRPCTestServer.answeringOnItsThreads { _, _ in throw JSONRPCTestServer.RPCFailure(code: -32000, message: "starting up") }
        let port = try #require(starting.url.port)
        #expect(!(try await Self.run(.executionJSONRPC(port: port))).succeeded)
        #expect(!(try await Self.run(.executionJSONRPC(port: 1))).succeeded)
    }

    @Test func needsNoComposeSubstitution() {
        let check = RuntimeHealthcheck.executionJSONRPC
        #expect(check.command.prefix(2) == ["bash", "-c"])
        #expect(!check.command.joined().contains("$"), "compose would substitute a $")
        #expect(check.command[2].contains("/dev/tcp/127.0.0.1/8545"))
    }
}
