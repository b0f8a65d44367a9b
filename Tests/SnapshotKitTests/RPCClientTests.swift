import Foundation
import Testing
import SnapshotKit
import SnapshotTestSupport

/// `JSONRPCClient` against a real HTTP server on the loopback interface.
@Suite struct RPCClientTests {
    /// A fake node: `eth_blockNumber` → `0x10`, `echo` → its params, `fail` → error -32000, anything else → -32601.
    ///
    /// It answers on its own threads, so its answers never wait for the cooperative pool, which CPU-bound tests
    /// running in parallel may occupy; otherwise a call could time out and be retried, and the retry counts would lie.
    static func node() throws -> JSONRPCTestServer {
        try JSONRPCTestServer.answeringOnItsThreads(limits: .init(lifetime: .seconds(600))) { method, params in
            switch method {
            case "eth_blockNumber": return .string("0x10")
            case "echo": return .array(params)
            case "fail": throw JSONRPCTestServer.RPCFailure(code: -32000, message: "header not found")
            case "revert": throw JSONRPCTestServer.RPCFailure(code: 3, message: "execution reverted", data: .string("0x08c379a0"))
            default: throw JSONRPCTestServer.RPCFailure(code: -32601, message: "the method \(method) does not exist/is not available")
            }
        }
    }

    /// Quick retries and, unless a test is about timeouts, a timeout no loaded machine reaches: a request is never
    /// sent again because the machine was busy, so the request counts hold.
    static func fastRetries(attempts: Int = 3, timeout: Duration = .seconds(600), maxAnswerBytes: Int = 256 << 20) -> JSONRPCClient.Configuration {
        .init(timeout: timeout, maxAttempts: attempts, backoffBase: .milliseconds(10), maxBackoff: .milliseconds(50),
              maxAnswerBytes: maxAnswerBytes)
    }

    @Test func singleCallsKeepNumbersAndOrder() async throws {
        let server = try Self.node()
        let client = JSONRPCClient(endpoint: server.url, configuration: Self.fastRetries())
        #expect(try await client.call("eth_blockNumber") == .string("0x10"))
        let params: [JSONValue] = [.number("58750000000000000000000"), .object([("z", .null), ("a", .bool(true))])]
        #expect(try await client.call("echo", params: params) == .array(params))
        #expect(server.requestCount(for: "eth_blockNumber") == 1)
        #expect(server.requestCount(for: "echo") == 1)
    }

    @Test func batchMatchesAnswersByIDInAnyOrder() async throws {
        let server = try Self.node()
        server.batchOrder = .reversed
        let client = JSONRPCClient(endpoint: server.url, configuration: Self.fastRetries())
        let results = try await client.batch([
            (method: "echo", params: [.integer(1)]),
            (method: "fail", params: []),
            (method: "echo", params: [.integer(3)]),
        ])
        #expect(results.count == 3)
        #expect(try results[0].get() == .array([.integer(1)]))
        #expect(try results[2].get() == .array([.integer(3)]))
        guard case .failure(let error) = results[1] else { Issue.record("expected a failure"); return }
        #expect(error.method == "fail")
        #expect(error.failure == .rpc(code: -32000, message: "header not found", data: nil))
        #expect(error.description == "fail failed at \(server.url.absoluteString): RPC error -32000 \"header not found\" — the node refused the call; check that it supports fail at this block with its current flags")
        #expect(server.httpRequestCount == 1)
        #expect(try await client.batch([]).isEmpty)
    }

    @Test func rpcErrorIsTypedAndNotRetried() async throws {
        let server = try Self.node()
        let client = JSONRPCClient(endpoint: server.url, configuration: Self.fastRetries(attempts: 5))
        let error = await #expect(throws: JSONRPCError.self) { try await client.call("debug_accountRange", params: [.string("latest")]) }
        #expect(error?.rpcCode == -32601)
        #expect(error?.failure == .rpc(code: -32601, message: "the method debug_accountRange does not exist/is not available", data: nil))
        #expect(error?.attempts == 1)
        #expect(server.requestCount(for: "debug_accountRange") == 1)
        #expect(error?.description == "debug_accountRange failed at \(server.url.absoluteString): RPC error -32601 \"the method debug_accountRange does not exist/is not available\" — enable the debug API on the node's HTTP JSON-RPC endpoint")
    }

    @Test func rpcErrorKeepsItsData() async throws {
        let server = try Self.node()
        let client = JSONRPCClient(endpoint: server.url, configuration: Self.fastRetries())
        let error = await #expect(throws: JSONRPCError.self) { try await client.call("revert") }
        #expect(error?.failure == .rpc(code: 3, message: "execution reverted", data: .string("0x08c379a0")))
    }

    @Test func callerHintReplacesTheGenericOne() async throws {
        let server = try Self.node()
        var configuration = Self.fastRetries()
        configuration.hint = { error in error.rpcCode == -32601 ? "start the node with the debug namespace" : nil }
        let client = JSONRPCClient(endpoint: server.url, configuration: configuration)
        let error = await #expect(throws: JSONRPCError.self) { try await client.call("debug_x") }
        #expect(error?.hint == "start the node with the debug namespace")
        #expect(error?.description.hasSuffix(" — start the node with the debug namespace") == true)
    }

    @Test func serverErrorIsRetriedUntilSuccess() async throws {
        let server = try Self.node()
        server.inject(.httpStatus(500, body: "busy"), times: 2)
        let client = JSONRPCClient(endpoint: server.url, configuration: Self.fastRetries(attempts: 3))
        #expect(try await client.call("eth_blockNumber") == .string("0x10"))
        #expect(server.httpRequestCount == 3)
    }

    @Test func tooManyRequestsIsRetriedAndThenReported() async throws {
        let server = try Self.node()
        server.inject(.httpStatus(429, body: "slow down"), times: .max)
        let client = JSONRPCClient(endpoint: server.url, configuration: Self.fastRetries(attempts: 3))
        let error = await #expect(throws: JSONRPCError.self) { try await client.call("eth_blockNumber") }
        #expect(error?.failure == .httpStatus(429, body: "slow down"))
        #expect(error?.attempts == 3)
        #expect(server.httpRequestCount == 3)
        #expect(error?.description.contains("HTTP 429 (\"slow down\") after 3 attempts — ") == true)
    }

    @Test func clientErrorStatusIsNotRetried() async throws {
        let server = try Self.node()
        server.inject(.httpStatus(404), times: .max)
        let client = JSONRPCClient(endpoint: server.url, configuration: Self.fastRetries(attempts: 3))
        let error = await #expect(throws: JSONRPCError.self) { try await client.call("eth_blockNumber") }
        #expect(error?.failure == .httpStatus(404, body: ""))
        #expect(server.httpRequestCount == 1)
    }

    @Test func malformedAnswerAfterARetryCountsBothAttempts() async throws {
        let server = try Self.node()
        server.inject(.httpStatus(503))
        server.inject(.malformedBody("<html>"))
        let client = JSONRPCClient(endpoint: server.url, configuration: Self.fastRetries(attempts: 3))
        let error = await #expect(throws: JSONRPCError.self) { try await client.call("eth_blockNumber") }
        #expect(error?.attempts == 2)
        #expect(server.httpRequestCount == 2)
    }

    @Test func droppedConnectionIsRetried() async throws {
        let server = try Self.node()
        server.inject(.dropConnection)
        let client = JSONRPCClient(endpoint: server.url, configuration: Self.fastRetries(attempts: 2))
        #expect(try await client.call("eth_blockNumber") == .string("0x10"))
        #expect(server.httpRequestCount == 2)
    }

    /// The time limit only catches a hang: the test takes 0.6 s of sleeping, whatever the load.
    @Test(.timeLimit(.minutes(10))) func timeoutIsReportedAfterTheConfiguredAttempts() async throws {
        let server = try Self.node()
        server.inject(.neverAnswer, times: .max)
        let client = JSONRPCClient(endpoint: server.url, configuration: Self.fastRetries(attempts: 2, timeout: .milliseconds(300)))
        let started = ContinuousClock.now
        let error = await #expect(throws: JSONRPCError.self) { try await client.call("eth_blockNumber") }
        let elapsed = ContinuousClock.now - started
        #expect(error?.failure == .transport(.timedOut(seconds: 0.3)))
        #expect(error?.attempts == 2)
        // The server never answers: ending at all proves each attempt stopped at its timeout.
        #expect(elapsed >= .milliseconds(550), "two attempts of 0.3 s cannot end sooner, took \(elapsed)")
        #expect(server.httpRequestCount == 2)
        #expect(error?.description.hasPrefix("cannot reach \(server.url.absoluteString) (eth_blockNumber): no answer within 0.3 s after 2 attempts — ") == true)
        #expect(error?.description.contains("raise --rpc-timeout") == true)
        server.clearFaults()
    }

    @Test func connectionRefusedIsTyped() async throws {
        let server = try Self.node()
        let url = server.url
        server.stop()
        let client = JSONRPCClient(endpoint: url, configuration: Self.fastRetries(attempts: 2))
        let error = await #expect(throws: JSONRPCError.self) { try await client.call("eth_blockNumber") }
        #expect(error?.failure == .transport(.connectionRefused))
        #expect(error?.attempts == 2)
        #expect(error?.description == "cannot reach \(url.absoluteString) (eth_blockNumber): connection refused after 2 attempts — is the node running and is --rpc-url right?")
    }

    @Test(arguments: ["not json{", "[1,2]", #"{"jsonrpc":"2.0","id":1}"#, #"{"jsonrpc":"2.0","id":999,"result":"0x1"}"#])
    func malformedAnswerIsTypedAndNotRetried(_ body: String) async throws {
        let server = try Self.node()
        server.inject(.malformedBody(body), times: .max)
        let client = JSONRPCClient(endpoint: server.url, configuration: Self.fastRetries(attempts: 3))
        let error = await #expect(throws: JSONRPCError.self) { try await client.call("eth_blockNumber") }
        guard case .malformedResponse? = error?.failure else { Issue.record("expected malformedResponse, got \(String(describing: error))"); return }
        #expect(server.httpRequestCount == 1)
        #expect(error?.description.contains("malformed response") == true)
    }

    @Test func malformedBatchAnswerIsTyped() async throws {
        let server = try Self.node()
        server.inject(.malformedBody(#"{"result":1}"#))
        let client = JSONRPCClient(endpoint: server.url, configuration: Self.fastRetries())
        let error = await #expect(throws: JSONRPCError.self) { try await client.batch([(method: "echo", params: [])]) }
        #expect(error?.method == "batch of 1: echo")
    }

    @Test func manyConcurrentCallsShareConnections() async throws {
        let server = try Self.node()
        let client = JSONRPCClient(endpoint: server.url, configuration: Self.fastRetries())
        let answers = try await withThrowingTaskGroup(of: JSONValue.self) { group in
            for index in 0..<200 {
                group.addTask { try await client.call("echo", params: [.integer(index)]) }
            }
            return try await group.reduce(into: [JSONValue]()) { $0.append($1) }
        }
        #expect(Set(answers.map { JSONWriter.string($0) }) == Set((0..<200).map { "[\($0)]" }))
        #expect(server.requestCount(for: "echo") == 200)
        // Connections are shared: no more than maxConnections (16) for 200 calls in flight at once.
        #expect(server.connectionCount <= 16, "200 calls over \(server.connectionCount) connections")
    }

    @Test func sequentialCallsReuseOneConnection() async throws {
        let server = try Self.node()
        let client = JSONRPCClient(endpoint: server.url, configuration: Self.fastRetries())
        for _ in 0..<50 { _ = try await client.call("eth_blockNumber") }
        #expect(server.httpRequestCount == 50)
        #expect(server.connectionCount == 1)
    }

    @Test func largeRequestAndAnswerBodies() async throws {
        let server = try Self.node()
        let client = JSONRPCClient(endpoint: server.url, configuration: Self.fastRetries())
        let big = JSONValue.string(String(repeating: "0123456789abcdef", count: 256 * 1024))
        #expect(try await client.call("echo", params: [big]) == .array([big]))
    }

    // MARK: - Answer size bound

    @Test func endlessAnswerStopsAtTheBound() async throws {
        let server = try Self.node()
        server.inject(.endlessBody, times: .max)
        let client = JSONRPCClient(endpoint: server.url, configuration: Self.fastRetries(maxAnswerBytes: 1 << 20))
        let error = await #expect(throws: JSONRPCError.self) { try await client.call("eth_blockNumber") }
        #expect(error?.failure == .answerTooLarge(limit: 1 << 20))
        #expect(error?.attempts == 1, "a bound is final, never retried")
        #expect(server.httpRequestCount == 1)
        #expect(error?.description == "answer of eth_blockNumber from \(server.url.absoluteString) exceeded 1 MiB — the rest was not read; is --rpc-url the node's HTTP JSON-RPC endpoint?")
        server.clearFaults()
        #expect(try await client.call("eth_blockNumber") == .string("0x10"), "the client still works after giving up on an answer")
    }

    @Test func declaredOversizedAnswerIsRefusedBeforeReading() async throws {
        let server = try Self.node()
        server.inject(.malformedBody(String(repeating: "x", count: 2 << 20)))
        let client = JSONRPCClient(endpoint: server.url, configuration: Self.fastRetries(maxAnswerBytes: 1 << 20))
        let error = await #expect(throws: JSONRPCError.self) {
            try await client.batch([(method: "echo", params: []), (method: "eth_blockNumber", params: [])])
        }
        #expect(error?.failure == .answerTooLarge(limit: 1 << 20))
        #expect(error?.description.hasPrefix("answer of batch of 2: echo, eth_blockNumber from \(server.url.absoluteString) exceeded 1 MiB") == true)
    }

    @Test func aCallCanTightenTheBound() async throws {
        let server = try Self.node()
        let client = JSONRPCClient(endpoint: server.url, configuration: Self.fastRetries())
        let big = JSONValue.string(String(repeating: "v", count: 100_000))
        let error = await #expect(throws: JSONRPCError.self) { try await client.call("echo", params: [big], maxAnswerBytes: 64 << 10) }
        #expect(error?.failure == .answerTooLarge(limit: 64 << 10))
        #expect(try await client.call("echo", params: [.string("short")], maxAnswerBytes: 64 << 10) == .array([.string("short")]))
    }

    @Test func anAnswerJustWithinTheBoundIsRead() async throws {
        let server = try Self.node()
        let answer = #"{"jsonrpc":"2.0","id":1,"result":"0x1"}"#
        server.inject(.malformedBody(answer))
        let client = JSONRPCClient(endpoint: server.url, configuration: Self.fastRetries(maxAnswerBytes: answer.utf8.count))
        #expect(try await client.call("eth_blockNumber") == .string("0x1"))
    }
}
