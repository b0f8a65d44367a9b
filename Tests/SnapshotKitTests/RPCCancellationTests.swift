import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing

/// Cancelling calls in flight: the caller is free at once, and many cancelled transfers at once do not wedge the
/// client (FoundationNetworking deadlocks when a task cancellation cancels an in-flight data task).
@Suite struct RPCCancellationTests {
    @Test func aCancelledCallReturnsWhileTheServerIsStillAnswering() async throws {
        let server = try JSONRPCTestServer { _, _ in
            try await Task.sleep(for: .seconds(120))
            return .string("0x1")
        }
        let client = JSONRPCClient(endpoint: server.url, configuration: .init(timeout: .seconds(300), maxAttempts: 1))
        let call = Task { try await client.call("eth_blockNumber") }
        try await Task.sleep(for: .milliseconds(200))
        let started = ContinuousClock.now
        call.cancel()
        let result = await call.result
        // The answer comes after 120 s and the timeout after 300 s: a caller back well before either did not wait
        // (the bound is loose so that a loaded machine does not fail it).
        #expect(ContinuousClock.now - started < .seconds(60), "the caller does not wait for the answer")
        #expect((try? result.get()) == nil)
        #expect(throws: JSONRPCError.self) { try result.get() }
    }

    /// A group of calls cancelled when one fails, again and again, then the client still answers. (Cancelling the
    /// data tasks themselves hung this about one run in three.)
    @Test(.timeLimit(.minutes(1))) func groupsCancelledMidFlightLeaveTheClientWorking() async throws {
        let server = try JSONRPCTestServer { method, _ in
            if method == "fail" { throw JSONRPCTestServer.RPCFailure(code: -32603, message: "Internal error") }
            try await Task.sleep(for: .milliseconds(Int.random(in: 1...30)))
            return .string("0x1")
        }
        let client = JSONRPCClient(endpoint: server.url, configuration: .init(timeout: .seconds(10), maxAttempts: 1))
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
