import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A JSON-RPC 2.0 client over HTTP POST.
///
/// One `URLSession` serves every call, so connections are kept alive and reused; any number of calls may be in
/// flight at once from different tasks. Transport failures and HTTP 5xx/429 answers are retried with exponential
/// backoff; JSON-RPC error objects are final and never retried.
public final class JSONRPCClient: Sendable {
    /// Timeouts, retries and advice for one endpoint.
    public struct Configuration: Sendable {
        /// The longest one HTTP request may take.
        public var timeout: Duration
        /// How many times a request is sent at most (1 = no retry).
        public var maxAttempts: Int
        /// The wait before the first retry; each later retry waits twice as long (with jitter), up to `maxBackoff`.
        public var backoffBase: Duration
        public var maxBackoff: Duration
        /// Connections opened to the endpoint at most.
        public var maxConnections: Int
        /// Extra HTTP headers sent with every request.
        public var headers: [String: String]
        /// Supplies the advice in an error (e.g. a plugin naming its client's flag); when it returns `nil`, the
        /// generic advice of `JSONRPCError.genericHint` is used.
        public var hint: (@Sendable (JSONRPCError) -> String?)?

        public init(
            timeout: Duration = .seconds(60),
            maxAttempts: Int = 4,
            backoffBase: Duration = .milliseconds(250),
            maxBackoff: Duration = .seconds(8),
            maxConnections: Int = 16,
            headers: [String: String] = [:],
            hint: (@Sendable (JSONRPCError) -> String?)? = nil
        ) {
            self.timeout = timeout
            self.maxAttempts = max(1, maxAttempts)
            self.backoffBase = backoffBase
            self.maxBackoff = maxBackoff
            self.maxConnections = max(1, maxConnections)
            self.headers = headers
            self.hint = hint
        }
    }

    public let endpoint: URL
    public let configuration: Configuration
    private let session: URLSession
    private let nextID = LockedState(1)

    public init(endpoint: URL, configuration: Configuration = Configuration()) {
        self.endpoint = endpoint
        self.configuration = configuration
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        // A backstop only: some Foundation versions truncate these to whole seconds; `exchange` keeps the real deadline.
        sessionConfiguration.timeoutIntervalForRequest = configuration.timeout.seconds.rounded(.up)
        sessionConfiguration.timeoutIntervalForResource = configuration.timeout.seconds.rounded(.up)
        sessionConfiguration.httpMaximumConnectionsPerHost = configuration.maxConnections
        sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
        sessionConfiguration.urlCache = nil
        sessionConfiguration.httpCookieStorage = nil
        self.session = URLSession(configuration: sessionConfiguration)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// Calls `method` with positional `params` and returns its `result`.
    public func call(_ method: String, params: [JSONValue] = []) async throws(JSONRPCError) -> JSONValue {
        let id = reserveIDs(1)
        let body = JSONRPCMessage.request(id: id, method: method, params: params)
        let (data, attempts) = try await post(body, label: method)
        do {
            return try JSONRPCMessage.result(of: data, id: id).get()
        } catch {
            throw finished(JSONRPCError(method: method, endpoint: endpoint, failure: error.failure, attempts: attempts))
        }
    }

    /// Sends `calls` as one batch request and returns one result per call, in the order of `calls`.
    ///
    /// The node may answer in any order; answers are matched by id. A call that failed on the node is a
    /// `.failure` in its slot; the whole batch throws only when no usable answer arrived at all.
    public func batch(_ calls: [(method: String, params: [JSONValue])]) async throws(JSONRPCError) -> [Result<JSONValue, JSONRPCError>] {
        guard !calls.isEmpty else { return [] }
        let firstID = reserveIDs(calls.count)
        let requests = calls.enumerated().map { offset, call in
            JSONRPCMessage.request(id: firstID + offset, method: call.method, params: call.params)
        }
        let label = Self.batchLabel(calls.map(\.method))
        let (data, attempts) = try await post(.array(requests), label: label)
        let answers: [Int: Result<JSONValue, JSONRPCMessage.Failure>]
        do {
            answers = try JSONRPCMessage.batchResults(of: data, ids: firstID..<firstID + calls.count).get()
        } catch {
            throw finished(JSONRPCError(method: label, endpoint: endpoint, failure: error.failure, attempts: attempts))
        }
        return calls.enumerated().map { offset, call in
            let answer = answers[firstID + offset]
                ?? .failure(JSONRPCMessage.Failure(.malformedResponse("the batch answer has no entry for this call")))
            return answer.mapError {
                finished(JSONRPCError(method: call.method, endpoint: endpoint, failure: $0.failure, attempts: attempts))
            }
        }
    }

    // MARK: - Sending

    /// Reserves `count` consecutive request ids and returns the first.
    private func reserveIDs(_ count: Int) -> Int {
        nextID.withLock { next in
            defer { next += count }
            return next
        }
    }

    /// POSTs `body` until it gets a success answer or runs out of attempts; returns the answer's body and the
    /// number of attempts it took.
    private func post(_ body: JSONValue, label: String) async throws(JSONRPCError) -> (Data, attempts: Int) {
        var request = URLRequest(url: endpoint)
        request.httpMethod = "POST"
        request.timeoutInterval = configuration.timeout.seconds.rounded(.up)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        for (name, value) in configuration.headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = Data(JSONWriter.string(body).utf8)

        var attempt = 0
        while true {
            attempt += 1
            let failure: JSONRPCError.Failure
            var retryAfter: Duration?
            do {
                let (data, response) = try await exchange(request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 200
                if (200..<300).contains(status) { return (data, attempt) }
                if status != 429, status < 500, let rpcFailure = JSONRPCMessage.rpcFailure(in: data) {
                    throw finished(JSONRPCError(method: label, endpoint: endpoint, failure: rpcFailure, attempts: attempt))
                }
                failure = .httpStatus(status, body: String(decoding: data.prefix(200), as: UTF8.self))
                retryAfter = (response as? HTTPURLResponse).flatMap(Self.retryAfter)
            } catch let error as JSONRPCError {
                throw error
            } catch {
                failure = .transport(transportFailure(error))
            }
            guard attempt < configuration.maxAttempts, Self.isRetryable(failure) else {
                throw finished(JSONRPCError(method: label, endpoint: endpoint, failure: failure, attempts: attempt))
            }
            do {
                try await Task.sleep(for: backoff(afterAttempt: attempt, retryAfter: retryAfter))
            } catch {
                throw finished(JSONRPCError(method: label, endpoint: endpoint, failure: .transport(.cancelled), attempts: attempt))
            }
        }
    }

    /// Sends one request and waits for the answer at most `configuration.timeout`.
    ///
    /// The transfer runs in a detached task that is never cancelled: on Linux, FoundationNetworking deadlocks when a
    /// Swift task's cancellation cancels an in-flight data task (`URLSessionTask.cancel()` waits on the session's
    /// queue while that queue waits to resume the cancelled task). The call returns at the first of the answer, the
    /// timeout and the caller's cancellation; a transfer left behind ends on its own, at the latest at the session's
    /// timeout. The transfer holds the client, whose deinit invalidates the session, until it ends: a transfer
    /// that starts on an invalidated session traps.
    private func exchange(_ request: URLRequest) async throws -> (Data, URLResponse) {
        let transfer = Task.detached { [self] in try await session.data(for: request) }
        let outcome = ExchangeOutcome()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                outcome.wait(with: continuation)
                let timer = Task { [timeout = configuration.timeout] in
                    try await Task.sleep(for: timeout)
                    outcome.finish(.failure(URLError(.timedOut)))
                }
                Task {
                    outcome.finish(await transfer.result)
                    timer.cancel()
                }
            }
        } onCancel: {
            outcome.finish(.failure(CancellationError()))
        }
    }

    /// Fills in the advice: the caller's hint if it has one, else the generic one.
    private func finished(_ error: JSONRPCError) -> JSONRPCError {
        var error = error
        error.hint = configuration.hint?(error) ?? JSONRPCError.genericHint(method: error.method, failure: error.failure)
        return error
    }

    private func transportFailure(_ error: any Error) -> JSONRPCError.TransportFailure {
        guard let urlError = error as? URLError else {
            return error is CancellationError ? .cancelled : .other(String(describing: error))
        }
        switch urlError.code {
        case .cannotConnectToHost: return .connectionRefused
        case .timedOut: return .timedOut(seconds: configuration.timeout.seconds)
        case .networkConnectionLost, .badServerResponse, .zeroByteResource, .cannotParseResponse: return .connectionLost
        case .cannotFindHost, .dnsLookupFailed: return .hostNotFound
        case .cancelled: return .cancelled
        default: return .other(urlError.localizedDescription)
        }
    }

    private static func isRetryable(_ failure: JSONRPCError.Failure) -> Bool {
        switch failure {
        case .transport(let transport): transport.isRetryable
        case .httpStatus(let status, _): status == 429 || status >= 500
        case .rpc, .malformedResponse: false
        }
    }

    /// The wait before retry number `attempt`: base·2^(attempt-1) with jitter, at most `maxBackoff`, and at least
    /// what the server asked for in `Retry-After` (also capped).
    private func backoff(afterAttempt attempt: Int, retryAfter: Duration?) -> Duration {
        let exponential = configuration.backoffBase * Double(1 << min(attempt - 1, 20))
        let jittered = exponential * Double.random(in: 0.5...1.0)
        return min(max(jittered, retryAfter ?? .zero), configuration.maxBackoff)
    }

    private static func retryAfter(_ response: HTTPURLResponse) -> Duration? {
        guard let text = response.value(forHTTPHeaderField: "Retry-After"),
              let seconds = Int(text.trimmingCharacters(in: .whitespaces)), seconds >= 0 else { return nil }
        return .seconds(seconds)
    }

    /// `batch of 3: eth_getProof, eth_getCode` for messages about a whole batch.
    private static func batchLabel(_ methods: [String]) -> String {
        var distinct: [String] = []
        for method in methods where !distinct.contains(method) { distinct.append(method) }
        let shown = distinct.prefix(3).joined(separator: ", ") + (distinct.count > 3 ? ", …" : "")
        return "batch of \(methods.count): \(shown)"
    }
}

/// The first outcome of one exchange — the answer, the timeout or the caller's cancellation — handed to the waiting
/// caller once; later outcomes are dropped.
private final class ExchangeOutcome: Sendable {
    private struct State {
        var continuation: CheckedContinuation<(Data, URLResponse), any Error>?
        var early: Result<(Data, URLResponse), any Error>?
        var done = false
    }

    private let state = LockedState(State())

    /// Registers the waiting caller; resumes it at once if an outcome came first (a cancellation before the wait).
    func wait(with continuation: CheckedContinuation<(Data, URLResponse), any Error>) {
        let early: Result<(Data, URLResponse), any Error>? = state.withLock { state in
            if state.early != nil { state.done = true; return state.early }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    /// Hands `result` to the caller unless an outcome already was.
    func finish(_ result: Result<(Data, URLResponse), any Error>) {
        let waiting: CheckedContinuation<(Data, URLResponse), any Error>? = state.withLock { state in
            guard !state.done else { return nil }
            guard let continuation = state.continuation else {
                if state.early == nil { state.early = result }
                return nil
            }
            state.done = true
            state.continuation = nil
            return continuation
        }
        waiting?.resume(with: result)
    }
}
