import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// One endpoint's HTTP exchanges for `JSONRPCClient` and `BeaconNodeVersion`: a POST (or a GET), its answer read up
/// to a bound, all within a deadline.
///
/// It owns an AsyncHTTPClient pool on SwiftNIO's process-wide event loops (no threads of its own) and shuts the pool
/// down when released. Waiting for an answer sleeps: no thread spins and no cooperative thread is held.
final class HTTPTransport: Sendable {
    /// An HTTP answer read in full.
    struct Answer: Sendable {
        let status: Int
        let body: Data
        /// What the server asked for in `Retry-After` (whole seconds only).
        let retryAfter: Duration?
    }

    /// How one exchange ended.
    enum Outcome: Sendable {
        case answered(Answer)
        case failed(JSONRPCError.Failure)
    }

    private let endpoint: URL
    private let timeout: Duration
    private let headers: HTTPHeaders
    private let client: HTTPClient

    init(endpoint: URL, configuration: JSONRPCClient.Configuration) {
        self.endpoint = endpoint
        self.timeout = configuration.timeout
        var headers = HTTPHeaders([("Content-Type", "application/json"), ("Accept", "application/json")])
        for (name, value) in configuration.headers { headers.replaceOrAdd(name: name, value: value) }
        self.headers = headers
        var pool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: configuration.maxConnections)
        // A refused connection is a failure of this attempt (the client's own retries apply), not a reason to wait.
        pool.retryConnectionEstablishment = false
        var http = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: TimeAmount(configuration.timeout)),
            connectionPool: pool,
            decompression: .disabled)
        http.httpVersion = .http1Only
        client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: http)
    }

    deinit {
        // Non-blocking: the pool closes its idle connections on the event loops after the last call has ended.
        client.shutdown { _ in }
    }

    /// POSTs `body` (GETs when it is `nil`) and reads the answer; fails at the deadline, at the bound, or at the
    /// caller's cancellation.
    ///
    /// The deadline is waited for in steps of at most a second: a cancelled `Task.sleep` stays scheduled until its own
    /// deadline, so one sleep of the whole timeout per exchange would hold memory for every exchange of the last
    /// `timeout` (≈650 bytes each: tens of MiB at thousands of calls a second).
    func exchange(_ body: [UInt8]?, maxAnswerBytes: Int) async -> Outcome {
        let timeout = timeout
        do {
            let answer = try await withThrowingTaskGroup(of: Answer.self) { group in
                group.addTask { try await self.transfer(body, maxAnswerBytes: maxAnswerBytes) }
                group.addTask {
                    let deadline = ContinuousClock.now + timeout
                    while ContinuousClock.now < deadline {
                        try await Task.sleep(until: min(deadline, .now + .seconds(1)), clock: .continuous)
                    }
                    throw HTTPClientError.deadlineExceeded
                }
                defer { group.cancelAll() }
                return try await group.next()!
            }
            return .answered(answer)
        } catch {
            return .failed(Task.isCancelled ? .transport(.cancelled) : failure(of: error, maxAnswerBytes: maxAnswerBytes))
        }
    }

    /// Sends the request and collects the body, stopping as soon as it passes `maxAnswerBytes`.
    private func transfer(_ body: [UInt8]?, maxAnswerBytes: Int) async throws -> Answer {
        var request = HTTPClientRequest(url: endpoint.absoluteString)
        request.headers = headers
        if let body {
            request.method = .POST
            request.body = .bytes(ByteBuffer(bytes: body))
        } else {
            request.method = .GET
            request.headers.remove(name: "Content-Type")
        }
        let response = try await client.execute(request, deadline: .now() + TimeAmount(timeout))
        if let declared = response.headers.first(name: "Content-Length").flatMap(Int.init), declared > maxAnswerBytes {
            throw AnswerTooLarge()
        }
        var collected = ByteBuffer()
        for try await chunk in response.body {
            guard chunk.readableBytes <= maxAnswerBytes - collected.readableBytes else { throw AnswerTooLarge() }
            collected.writeImmutableBuffer(chunk)
        }
        let retryAfter = response.headers.first(name: "Retry-After")
            .flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            .flatMap { $0 >= 0 ? Duration.seconds($0) : nil }
        return Answer(status: Int(response.status.code), body: Data(collected.readableBytesView), retryAfter: retryAfter)
    }

    /// The answer passed the bound.
    private struct AnswerTooLarge: Error {}

    /// What an error of AsyncHTTPClient or SwiftNIO means for the caller.
    private func failure(of error: any Error, maxAnswerBytes: Int) -> JSONRPCError.Failure {
        if error is AnswerTooLarge { return .answerTooLarge(limit: maxAnswerBytes) }
        if error is CancellationError { return .transport(.cancelled) }
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout:
                return .transport(.timedOut(seconds: timeout.seconds))
            case .cancelled:
                return .transport(.cancelled)
            case .remoteConnectionClosed:
                return .transport(.connectionLost)
            default:
                return .transport(.other(String(describing: error)))
            }
        }
        if let error = error as? NIOConnectionError {
            if error.connectionErrors.contains(where: { Self.errno(of: $0.error) == ECONNREFUSED }) {
                return .transport(.connectionRefused)
            }
            if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
                return .transport(.hostNotFound)
            }
            return .transport(.other(String(describing: error)))
        }
        if error is SocketAddressError { return .transport(.hostNotFound) }
        switch Self.errno(of: error) {
        case ECONNREFUSED?: return .transport(.connectionRefused)
        case ECONNRESET?, EPIPE?: return .transport(.connectionLost)
        default: break
        }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout: return .transport(.timedOut(seconds: timeout.seconds))
            case .eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed: return .transport(.connectionLost)
            default: break
            }
        }
        if error is HTTPParserError { return .transport(.connectionLost) }
        return .transport(.other(String(describing: error)))
    }

    private static func errno(of error: any Error) -> Int32? {
        (error as? IOError)?.errnoCode
    }
}
