import Foundation
import SnapshotKit

/// An in-process HTTP/1.1 JSON-RPC server on 127.0.0.1 for tests: fake nodes answer through a closure.
///
/// It listens on an ephemeral loopback port, keeps connections alive, reads Content-Length bodies and answers
/// single and batch requests. Faults can be injected per HTTP request (a status, a delay, a malformed body, a
/// dropped connection). It counts requests per method. It never outlives `limits.lifetime`, closes connections
/// beyond `limits.maxConnections`, and stops after `limits.maxRequests` HTTP requests or when released.
public final class JSONRPCTestServer: Sendable {
    /// Answers one call; throw `RPCFailure` to answer with a JSON-RPC error object.
    public typealias Handler = @Sendable (_ method: String, _ params: [JSONValue]) async throws -> JSONValue
    /// Answers one call on the server's own connection thread; throw `RPCFailure` to answer with an error object.
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
        /// Wait this long, then answer normally.
        case delay(Duration)
        /// Answer 200 with this body instead of calling the handler.
        case malformedBody(String)
        /// Close the connection without answering.
        case dropConnection
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
    private let core: ServerCore

    /// Starts listening at once. The async `handler` runs in Swift's cooperative thread pool, so it cannot answer
    /// while every thread of the pool is blocked (e.g. by synchronous tests waiting for a child process).
    public convenience init(limits: Limits = Limits(), handler: @escaping Handler) throws {
        try self.init(limits: limits, answering: .async(handler))
    }

    /// A server, listening at once, whose `handler` runs on the server's connection threads: it answers whatever
    /// the cooperative thread pool is doing. Use it for a fake node that a child process under test calls.
    public static func answeringOnItsThreads(limits: Limits = Limits(), handler: @escaping SynchronousHandler) throws -> JSONRPCTestServer {
        try JSONRPCTestServer(limits: limits, answering: .synchronous(handler))
    }

    private init(limits: Limits, answering handler: ServerCore.CallHandler) throws {
        let (listener, port) = try Socket.listenOnLoopback()
        url = URL(string: "http://127.0.0.1:\(port)")!
        core = ServerCore(listener: listener, limits: limits, handler: handler)
        core.start()
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

    /// Whether the server still accepts connections.
    public var isRunning: Bool { core.state.withLock { !$0.stopped } }

    /// Stops listening and closes every connection; returns once the port is closed.
    public func stop() { core.stop() }
}

/// The server's threads and shared state, separate from `JSONRPCTestServer` so that releasing the server stops it.
private final class ServerCore: Sendable {
    struct State {
        var stopped = false
        var faults: [(fault: JSONRPCTestServer.Fault, remaining: Int)] = []
        var batchOrder = JSONRPCTestServer.BatchOrder.asReceived
        var methodCounts: [String: Int] = [:]
        var httpRequests = 0
        var acceptedConnections = 0
        var connections: [Int32: Socket] = [:]
    }

    let state = Guarded(State())
    private let listener: Socket
    private let limits: JSONRPCTestServer.Limits
    /// How calls are answered: in a task of the cooperative pool, or right on the connection thread.
    enum CallHandler: Sendable {
        case async(JSONRPCTestServer.Handler)
        case synchronous(JSONRPCTestServer.SynchronousHandler)
    }

    private let handler: CallHandler
    private let acceptLoopEnded = DispatchSemaphore(value: 0)

    init(listener: Socket, limits: JSONRPCTestServer.Limits, handler: CallHandler) {
        self.listener = listener
        self.limits = limits
        self.handler = handler
    }

    var isStopped: Bool { state.withLock { $0.stopped } }

    func start() {
        Thread { [self] in acceptLoop() }.start()
        DispatchQueue.global().asyncAfter(deadline: .now() + limits.lifetime.timeInterval) { [weak self] in self?.stop() }
    }

    func stop() {
        let wasRunning = state.withLock { state in
            defer { state.stopped = true }
            for connection in state.connections.values { connection.shutdown() }
            return !state.stopped
        }
        if wasRunning { _ = acceptLoopEnded.wait(timeout: .now() + 5) }
    }

    private func acceptLoop() {
        defer {
            listener.close()
            acceptLoopEnded.signal()
        }
        while !isStopped {
            guard listener.waitReadable(milliseconds: 50), !isStopped, let connection = listener.accept() else { continue }
            let admitted = state.withLock { state in
                guard !state.stopped, state.connections.count < limits.maxConnections else { return false }
                state.connections[connection.descriptor] = connection
                state.acceptedConnections += 1
                return true
            }
            guard admitted else { connection.close(); continue }
            Thread { [self] in serve(connection) }.start()
        }
    }

    private func serve(_ connection: Socket) {
        defer {
            state.withLock { _ = $0.connections.removeValue(forKey: connection.descriptor) }
            connection.close()
        }
        var reader = HTTPRequestReader(socket: connection, maxBodyBytes: limits.maxBodyBytes)
        while true {
            let request: HTTPRequest
            do {
                guard let next = try reader.next(isStopped: { isStopped }) else { return }
                request = next
            } catch {
                connection.write(HTTPResponse.bytes(status: error.status, contentType: "text/plain", body: Array(error.reason.utf8), keepAlive: false))
                return
            }
            let (fault, overLimit) = state.withLock { state in
                state.httpRequests += 1
                return (Self.takeFault(&state.faults), state.httpRequests > limits.maxRequests)
            }
            if overLimit {
                connection.write(HTTPResponse.bytes(status: 503, contentType: "text/plain", body: Array("request limit reached".utf8), keepAlive: false))
                DispatchQueue.global().async { [self] in stop() }
                return
            }
            guard request.method == "POST" else {
                connection.write(HTTPResponse.bytes(status: 405, contentType: "text/plain", body: [], keepAlive: request.keepAlive))
                if request.keepAlive { continue } else { return }
            }
            let answer: [UInt8]
            switch fault {
            case .dropConnection?:
                return
            case .httpStatus(let status, let body)?:
                answer = HTTPResponse.bytes(status: status, contentType: "text/plain", body: Array(body.utf8), keepAlive: request.keepAlive)
            case .malformedBody(let body)?:
                answer = HTTPResponse.bytes(status: 200, body: Array(body.utf8), keepAlive: request.keepAlive)
            case .delay(let duration)?:
                Thread.sleep(forTimeInterval: duration.timeInterval)
                answer = HTTPResponse.bytes(status: 200, body: respond(to: request.body), keepAlive: request.keepAlive)
            case nil:
                answer = HTTPResponse.bytes(status: 200, body: respond(to: request.body), keepAlive: request.keepAlive)
            }
            guard connection.write(answer), request.keepAlive, !isStopped else { return }
        }
    }

    private static func takeFault(_ faults: inout [(fault: JSONRPCTestServer.Fault, remaining: Int)]) -> JSONRPCTestServer.Fault? {
        guard !faults.isEmpty else { return nil }
        let fault = faults[0].fault
        faults[0].remaining -= 1
        if faults[0].remaining <= 0 { faults.removeFirst() }
        return fault
    }

    /// The answer's bytes to a request body (one call or a batch), computed on this connection thread.
    private func respond(to body: [UInt8]) -> [UInt8] {
        Array(JSONWriter.string(answerDocument(body)).utf8)
    }

    private func answerDocument(_ body: [UInt8]) -> JSONValue {
        guard let document = try? JSONParser.parse(body) else {
            return Self.errorAnswer(id: .null, code: -32700, message: "parse error")
        }
        guard case .array(let calls) = document else { return answerCall(document) }
        guard !calls.isEmpty else { return Self.errorAnswer(id: .null, code: -32600, message: "empty batch") }
        let answers = calls.map(answerCall)
        return .array(state.withLock { $0.batchOrder } == .reversed ? answers.reversed() : answers)
    }

    private func answerCall(_ call: JSONValue) -> JSONValue {
        let id = call.objectValue?.first { $0.key == "id" }?.value ?? .null
        guard let method = call.objectValue?.first(where: { $0.key == "method" })?.value.stringValue else {
            return Self.errorAnswer(id: id, code: -32600, message: "invalid request")
        }
        let params: [JSONValue]
        switch call.objectValue?.first(where: { $0.key == "params" })?.value {
        case .array(let items)?: params = items
        case nil, .null?: params = []
        case let other?: params = [other]
        }
        state.withLock { $0.methodCounts[method, default: 0] += 1 }
        do {
            let result = try invoke(method, params)
            return .object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)])
        } catch let failure as JSONRPCTestServer.RPCFailure {
            return Self.errorAnswer(id: id, code: failure.code, message: failure.message, data: failure.data)
        } catch {
            return Self.errorAnswer(id: id, code: -32603, message: String(describing: error))
        }
    }

    /// Calls the handler: right here when it is synchronous, else in a task this thread waits for.
    private func invoke(_ method: String, _ params: [JSONValue]) throws -> JSONValue {
        switch handler {
        case .synchronous(let handler):
            return try handler(method, params)
        case .async(let handler):
            let outcome = Guarded<Result<JSONValue, any Error>>(.failure(CancellationError()))
            let done = DispatchSemaphore(value: 0)
            Task {
                do {
                    let result = try await handler(method, params)
                    outcome.withLock { $0 = .success(result) }
                } catch {
                    outcome.withLock { $0 = .failure(error) }
                }
                done.signal()
            }
            done.wait()
            return try outcome.withLock { $0 }.get()
        }
    }

    private static func errorAnswer(id: JSONValue, code: Int, message: String, data: JSONValue? = nil) -> JSONValue {
        var error: [(key: String, value: JSONValue)] = [("code", .integer(code)), ("message", .string(message))]
        if let data { error.append(("data", data)) }
        return .object([("jsonrpc", .string("2.0")), ("id", id), ("error", .object(error))])
    }
}

extension Duration {
    /// The duration in seconds, for Foundation and Dispatch.
    var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
