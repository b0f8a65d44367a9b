import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import SnapshotKit

/// The test server's listening channel, connections and shared state, separate from `JSONRPCTestServer` so that
/// releasing the server stops it.
final class TestServerCore: Sendable {
    struct State {
        var stopped = false
        var faults: [(fault: JSONRPCTestServer.Fault, remaining: Int)] = []
        var batchOrder = JSONRPCTestServer.BatchOrder.asReceived
        var methodCounts: [String: Int] = [:]
        var httpRequests = 0
        var acceptedConnections = 0
        var connections: [ObjectIdentifier: any Channel] = [:]
        var listener: (any Channel)?
    }

    /// How calls are answered: in a task of the cooperative pool, or on a Dispatch thread.
    enum CallHandler: Sendable {
        case async(JSONRPCTestServer.Handler)
        case synchronous(JSONRPCTestServer.SynchronousHandler)
    }

    /// What to do with one HTTP request that arrived.
    enum Admission {
        /// Serve it, meeting `fault` if one was injected.
        case serve(fault: JSONRPCTestServer.Fault?)
        /// The server has served `limits.maxRequests`: refuse it and stop.
        case overLimit
    }

    /// The event loops of every test server in the process: two threads that only move bytes (handlers run
    /// elsewhere), apart from the client's loops. Never shut down.
    private static let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 2)

    let state = LockedState(State())
    let limits: JSONRPCTestServer.Limits
    private let handler: CallHandler

    init(limits: JSONRPCTestServer.Limits, handler: CallHandler) {
        self.limits = limits
        self.handler = handler
    }

    /// Listens on an ephemeral loopback port and returns it.
    func start() throws -> Int {
        let listener = try ServerBootstrap(group: Self.eventLoops)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [self] channel in
                guard admit(channel) else { return channel.close() }
                do {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(TestServerConnection(core: self))
                    return channel.eventLoop.makeSucceededVoidFuture()
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .wait()
        state.withLock { $0.listener = listener }
        let lifetime = TimeAmount(limits.lifetime)
        listener.eventLoop.scheduleTask(in: lifetime) { [weak self] in self?.stop() }
        return listener.localAddress?.port ?? 0
    }

    /// Closes the listener and every connection; waits for the listener unless called on an event loop.
    func stop() {
        let (listener, connections) = state.withLock { state -> ((any Channel)?, [any Channel]) in
            guard !state.stopped else { return (nil, []) }
            state.stopped = true
            return (state.listener, Array(state.connections.values))
        }
        for connection in connections { connection.close(promise: nil) }
        guard let listener else { return }
        let closed = listener.close()
        if MultiThreadedEventLoopGroup.currentEventLoop == nil { try? closed.wait() }
    }

    /// Counts one HTTP request and takes the next injected fault.
    func admitRequest() -> Admission {
        state.withLock { state in
            state.httpRequests += 1
            let fault = Self.takeFault(&state.faults)
            return state.httpRequests > limits.maxRequests ? .overLimit : .serve(fault: fault)
        }
    }

    /// Answers a request body on the handler's side (a Dispatch thread or a task), then hands the bytes to `reply`.
    /// A GET of `path` (a REST call such as a beacon API's) calls the handler with the method `GET <path>` and no
    /// params, and answers its result as the whole body (an error: `{"message":"…"}`).
    func answer(_ body: [UInt8], get path: String?, reply: @escaping @Sendable ([UInt8]) -> Void) {
        if let path {
            answer(get: path, reply: reply)
            return
        }
        let answers = TestServerAnswers(batchOrder: state.withLock { $0.batchOrder }) { [self] method in
            state.withLock { $0.methodCounts[method, default: 0] += 1 }
        }
        switch handler {
        case .synchronous(let handler):
            DispatchQueue.global().async { reply(answers.respond(to: body, calling: handler)) }
        case .async(let handler):
            Task { reply(await answers.respond(to: body, calling: handler)) }
        }
    }

    private func answer(get path: String, reply: @escaping @Sendable ([UInt8]) -> Void) {
        let method = "GET \(path)"
        state.withLock { $0.methodCounts[method, default: 0] += 1 }
        @Sendable func body(_ outcome: Result<JSONValue, any Error>) -> [UInt8] {
            let document = (try? outcome.get()) ?? .object([("message", .string(String(describing: outcome)))])
            return Array(JSONWriter.string(document).utf8)
        }
        switch handler {
        case .synchronous(let handler):
            DispatchQueue.global().async { reply(body(Result { try handler(method, []) })) }
        case .async(let handler):
            Task {
                do { reply(body(.success(try await handler(method, [])))) } catch { reply(body(.failure(error))) }
            }
        }
    }

    /// Registers a new connection unless the server stopped or is full.
    private func admit(_ channel: any Channel) -> Bool {
        let admitted = state.withLock { state in
            guard !state.stopped, state.connections.count < limits.maxConnections else { return false }
            state.connections[ObjectIdentifier(channel)] = channel
            state.acceptedConnections += 1
            return true
        }
        if admitted {
            channel.closeFuture.whenComplete { [self] _ in
                state.withLock { _ = $0.connections.removeValue(forKey: ObjectIdentifier(channel)) }
            }
        }
        return admitted
    }

    private static func takeFault(_ faults: inout [(fault: JSONRPCTestServer.Fault, remaining: Int)]) -> JSONRPCTestServer.Fault? {
        guard !faults.isEmpty else { return nil }
        let fault = faults[0].fault
        faults[0].remaining -= 1
        if faults[0].remaining <= 0 { faults.removeFirst() }
        return fault
    }
}
