import Foundation
import NIOCore
import NIOPosix
import SnapshotKit

/// An in-process HTTP/1.1 JSON-RPC server on 127.0.0.1 for tests: fake nodes answer through a closure.
///
/// It runs on SwiftNIO's event loops: accepting, reading and writing never wait on Swift's cooperative thread pool,
/// so it answers at once however busy the pool or the machine is. It listens on an ephemeral loopback port, keeps
/// connections alive and answers single and batch requests. Faults can be injected per HTTP request (a status, a
/// delay, a malformed body, a dropped connection, no answer at all, an endless body). It counts requests per method.
/// It never outlives `limits.lifetime`, closes connections beyond `limits.maxConnections`, and stops after
/// `limits.maxRequests` HTTP requests or when released. A GET (a REST call, e.g. a beacon API's) reaches the handler
/// as the method `GET <path>` with no params, and its result is the answer's whole body.
public final class JSONRPCTestServer: Sendable {
    /// Answers one call; throw `RPCFailure` to answer with a JSON-RPC error object.
    public typealias Handler = @Sendable (_ method: String, _ params: [JSONValue]) async throws -> JSONValue
    /// Answers one call on a Dispatch thread of its own; throw `RPCFailure` to answer with an error object.
    public typealias SynchronousHandler = @Sendable (_ method: String, _ params: [JSONValue]) throws -> JSONValue

    /// A JSON-RPC error answer.
    public struct RPCFailure: Error, Sendable {
        public let code: Int
        public let message: String
        public let data: JSONValue?

        public init(code: Int, message: String, data: JSONValue? = nil) {
            self.code = code
            self.message = message
            self.data = data
        }
    }

    /// Something wrong the server does instead of (or before) answering normally.
    public enum Fault: Sendable, Equatable {
        /// Answer with this HTTP status and body instead of calling the handler.
        case httpStatus(Int, body: String = "")
        /// Wait this long (without holding a thread), then answer normally.
        case delay(Duration)
        /// Answer 200 with this body instead of calling the handler.
        case malformedBody(String)
        /// Close the connection without answering.
        case dropConnection
        /// Keep the connection open and never answer.
        case neverAnswer
        /// Answer 200 with a chunked body that never ends (until the client closes the connection).
        case endlessBody
    }

    /// The order of the answers in a batch response (JSON-RPC allows any).
    public enum BatchOrder: Sendable {
        case asReceived
        case reversed
    }

    /// Bounds that keep a test server from running away.
    public struct Limits: Sendable {
        /// The server stops by itself after this long.
        public var lifetime: Duration
        /// Connections open at once; more are closed at once.
        public var maxConnections: Int
        /// HTTP requests served in all; the server stops after that many.
        public var maxRequests: Int
        public var maxBodyBytes: Int

        public init(lifetime: Duration = .seconds(600), maxConnections: Int = 64, maxRequests: Int = 1_000_000,
                    maxBodyBytes: Int = 64 << 20) {
            self.lifetime = lifetime
            self.maxConnections = maxConnections
            self.maxRequests = maxRequests
            self.maxBodyBytes = maxBodyBytes
        }
    }

    /// `http://127.0.0.1:<port>`.
    public let url: URL
    private let core: TestServerCore

    /// Starts listening at once. The async `handler` runs in Swift's cooperative thread pool, so it cannot answer
    /// while every thread of the pool is blocked (e.g. by synchronous tests waiting for a child process).
    public convenience init(limits: Limits = Limits(), handler: @escaping Handler) throws {
        try self.init(limits: limits, answering: .async(handler))
    }

    /// A server, listening at once, whose `handler` runs on Dispatch's threads rather than Swift's cooperative pool:
    /// it answers whatever the pool is doing. Use it for a fake node that a child process under test calls, or one
    /// whose answers take real work.
    public static func answeringOnItsThreads(limits: Limits = Limits(), handler: @escaping SynchronousHandler) throws -> JSONRPCTestServer {
        try JSONRPCTestServer(limits: limits, answering: .synchronous(handler))
    }

    private init(limits: Limits, answering handler: TestServerCore.CallHandler) throws {
        core = TestServerCore(limits: limits, handler: handler)
        let port = try core.start()
        url = URL(string: "http://127.0.0.1:\(port)")!
    }

    deinit { core.stop() }

    /// Makes the next `times` HTTP requests meet `fault` (`Int.max`: every request until `clearFaults()`).
    public func inject(_ fault: Fault, times: Int = 1) {
        core.state.withLock { $0.faults.append((fault, times)) }
    }

    /// Removes every fault not yet used.
    public func clearFaults() {
        core.state.withLock { $0.faults.removeAll() }
    }

    /// The order of batch answers; `.asReceived` at first.
    public var batchOrder: BatchOrder {
        get { core.state.withLock { $0.batchOrder } }
        set { core.state.withLock { $0.batchOrder = newValue } }
    }

    /// How many calls of `method` reached the server (each call of a batch counts).
    public func requestCount(for method: String) -> Int {
        core.state.withLock { $0.methodCounts[method, default: 0] }
    }

    /// Calls per method so far.
    public var requestCounts: [String: Int] { core.state.withLock { $0.methodCounts } }

    /// HTTP requests received so far (a batch is one; dropped and faulted requests count).
    public var httpRequestCount: Int { core.state.withLock { $0.httpRequests } }

    /// TCP connections accepted so far: with keep-alive, far fewer than `httpRequestCount`.
    public var connectionCount: Int { core.state.withLock { $0.acceptedConnections } }

    /// Connections open now (a client that gave up on an answer closes its connection).
    public var openConnectionCount: Int { core.state.withLock { $0.connections.count } }

    /// Whether the server still accepts connections.
    public var isRunning: Bool { core.state.withLock { !$0.stopped } }

    /// Stops listening and closes every connection; returns once the port is closed.
    public func stop() { core.stop() }
}
