import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing

/// Cancelling calls in flight: the caller is free at once, its connection is let go, and many cancelled calls at
/// once leave the client working. The time limits only catch a hang: no test here waits for a clock.
@Suite struct RPCCancellationTests {
    @Test(.timeLimit(.minutes(10))) func aCancelledCallReturnsWhileTheServerNeverAnswers() async throws {
        let server = try JSONRPCTestServer { _, _ in .string("0x1") }
        server.inject(.neverAnswer, times: .max)
        // Neither an answer nor the timeout ever comes within the test: only the cancellation can end the call.
        let client = JSONRPCClient(endpoint: server.url, configuration: .init(timeout: .seconds(3600), maxAttempts: 1))
        let call = Task { try await client.call("eth_blockNumber") }
        while server.httpRequestCount == 0 { try await Task.sleep(for: .milliseconds(10)) }
        call.cancel()
        let result = await call.result
        let error = try #require(result.error as? JSONRPCError)
        #expect(error.failure == .transport(.cancelled))
        #expect(error.description == "cannot reach \(server.url.absoluteString) (eth_blockNumber): cancelled")
        // The connection the call held is closed, not left to the server.
        while server.openConnectionCount > 0 { try await Task.sleep(for: .milliseconds(10)) }
    }

    @Test(.timeLimit(.minutes(10))) func aCallCancelledWhileReadingAnEndlessAnswerReturns() async throws {
        let server = try JSONRPCTestServer { _, _ in .string("0x1") }
        server.inject(.endlessBody, times: .max)
        let client = JSONRPCClient(endpoint: server.url, configuration: .init(timeout: .seconds(3600), maxAttempts: 1,
                                                                               maxAnswerBytes: Int.max))
        let call = Task { try await client.call("eth_blockNumber") }
        while server.httpRequestCount == 0 { try await Task.sleep(for: .milliseconds(10)) }
        call.cancel()
        #expect((await call.result.error as? JSONRPCError)?.failure == .transport(.cancelled))
        while server.openConnectionCount > 0 { try await Task.sleep(for: .milliseconds(10)) }
    }

    /// A group of calls cancelled when one fails, again and again, then the client still answers.
    @Test(.timeLimit(.minutes(10))) func groupsCancelledMidFlightLeaveTheClientWorking() async throws {
        let server = try JSONRPCTestServer { method, _ in
            if method == "fail" { throw JSONRPCTestServer.RPCFailure(code: -32603, message: "Internal error") }
            try await Task.sleep(for: .milliseconds(Int.random(in: 1...30)))
            return .string("0x1")
        }
        let client = JSONRPCClient(endpoint: server.url, configuration: .init(timeout: .seconds(600), maxAttempts: 1))
        for _ in 0..<100 {
            await #expect(throws: JSONRPCError.self) {
                try await withThrowingTaskGroup(of: JSONValue.self) { group in
                    for index in 0..<8 { group.addTask { try await client.call(index == 3 ? "fail" : "eth_blockNumber") } }
                    for try await _ in group {}
                }
            }
        }
        #expect(try await client.call("eth_blockNumber") == .string("0x1"))
    }
}

extension Result {
    /// The failure, if any.
    fileprivate var error: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}
