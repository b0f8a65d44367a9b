import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

/// A JSON-RPC 2.0 client over HTTP POST.
///
/// Each client owns one AsyncHTTPClient connection pool on the process-wide SwiftNIO event loops, so connections are
/// kept alive and reused and any number of calls may be in flight at once from different tasks. Waiting costs no
/// CPU; every exchange ends at `Configuration.timeout` (body included) or at the caller's cancellation, and no
/// answer is read past `Configuration.maxAnswerBytes`. Transport failures and HTTP 5xx/429 answers are retried with
/// exponential backoff; JSON-RPC error objects are final and never retried.
public final class JSONRPCClient: Sendable {
    /// Timeouts, retries, bounds and advice for one endpoint.
    public struct Configuration: Sendable {
        /// The longest one HTTP exchange may take, from sending the request to the last byte of the answer.
        public var timeout: Duration
        /// How many times a request is sent at most (1 = no retry).
        public var maxAttempts: Int
        /// The wait before the first retry; each later retry waits twice as long (with jitter), up to `maxBackoff`.
        public var backoffBase: Duration
        public var maxBackoff: Duration
        /// Connections opened to the endpoint at once at most; further calls wait for a free connection.
        public var maxConnections: Int
        /// The largest answer body read, in bytes; a larger answer fails with `Failure.answerTooLarge` as soon as it
        /// passes the bound, without reading the rest.
        public var maxAnswerBytes: Int
        /// Extra HTTP headers sent with every request.
        public var headers: [String: String]
        /// Supplies the advice in an error (e.g. a plugin naming its client's flag); when it returns `nil`, the
        /// generic advice of `JSONRPCError.genericHint` is used.
        public var hint: (@Sendable (JSONRPCError) -> String?)?

        /// The default answer bound: a batch of state proofs fits well within it.
        public static let defaultMaxAnswerBytes = 256 << 20

        public init(
            timeout: Duration = .seconds(60),
            maxAttempts: Int = 4,
            backoffBase: Duration = .milliseconds(250),
            maxBackoff: Duration = .seconds(8),
            maxConnections: Int = 16,
            maxAnswerBytes: Int = Configuration.defaultMaxAnswerBytes,
            headers: [String: String] = [:],
            hint: (@Sendable (JSONRPCError) -> String?)? = nil
        ) {
            self.timeout = timeout
            self.maxAttempts = max(1, maxAttempts)
            self.backoffBase = backoffBase
            self.maxBackoff = maxBackoff
            self.maxConnections = max(1, maxConnections)
            self.maxAnswerBytes = max(1, maxAnswerBytes)
            self.headers = headers
            self.hint = hint
        }
    }

    public let endpoint: URL
    public let configuration: Configuration
    private let transport: HTTPTransport
    private let nextID = LockedState(1)

    public init(endpoint: URL, configuration: Configuration = Configuration()) {
        self.endpoint = endpoint
        self.configuration = configuration
        self.transport = HTTPTransport(endpoint: endpoint, configuration: configuration)
    }

    /// Calls `method` with positional `params` and returns its `result`.
    ///
    /// - Parameter maxAnswerBytes: a tighter bound than the configuration's for this call's answer (e.g. for
    ///   `web3_clientVersion`, whose answer is a short string).
    public func call(_ method: String, params: [JSONValue] = [], maxAnswerBytes: Int? = nil) async throws(JSONRPCError) -> JSONValue {
        let id = reserveIDs(1)
        let body = JSONRPCMessage.request(id: id, method: method, params: params)
        let limit = min(maxAnswerBytes ?? configuration.maxAnswerBytes, configuration.maxAnswerBytes)
        let (data, attempts) = try await post(body, label: method, maxAnswerBytes: max(1, limit))
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
        let (data, attempts) = try await post(.array(requests), label: label, maxAnswerBytes: configuration.maxAnswerBytes)
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
    private func post(_ body: JSONValue, label: String, maxAnswerBytes: Int) async throws(JSONRPCError) -> (Data, attempts: Int) {
        let bytes = Array(JSONWriter.string(body).utf8)
        var attempt = 0
        while true {
            attempt += 1
            let failure: JSONRPCError.Failure
            var retryAfter: Duration?
            switch await transport.exchange(bytes, maxAnswerBytes: maxAnswerBytes) {
            case .answered(let answer):
                if (200..<300).contains(answer.status) { return (answer.body, attempt) }
                if answer.status != 429, answer.status < 500, let rpcFailure = JSONRPCMessage.rpcFailure(in: answer.body) {
                    throw finished(JSONRPCError(method: label, endpoint: endpoint, failure: rpcFailure, attempts: attempt))
                }
                failure = .httpStatus(answer.status, body: String(decoding: answer.body.prefix(200), as: UTF8.self))
                retryAfter = answer.retryAfter
            case .failed(let error):
                failure = error
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

    /// Fills in the advice: the caller's hint if it has one, else the generic one.
    private func finished(_ error: JSONRPCError) -> JSONRPCError {
        var error = error
        error.hint = configuration.hint?(error) ?? JSONRPCError.genericHint(method: error.method, failure: error.failure)
        return error
    }

    private static func isRetryable(_ failure: JSONRPCError.Failure) -> Bool {
        switch failure {
        case .transport(let transport): transport.isRetryable
        case .httpStatus(let status, _): status == 429 || status >= 500
        case .rpc, .malformedResponse, .answerTooLarge: false
        }
    }

    /// The wait before retry number `attempt`: base·2^(attempt-1) with jitter, at most `maxBackoff`, and at least
    /// what the server asked for in `Retry-After` (also capped).
    private func backoff(afterAttempt attempt: Int, retryAfter: Duration?) -> Duration {
        let exponential = configuration.backoffBase * Double(1 << min(attempt - 1, 20))
        let jittered = exponential * Double.random(in: 0.5...1.0)
        return min(max(jittered, retryAfter ?? .zero), configuration.maxBackoff)
    }

    /// `batch of 3: eth_getProof, eth_getCode` for messages about a whole batch.
    private static func batchLabel(_ methods: [String]) -> String {
        var distinct: [String] = []
        for method in methods where !distinct.contains(method) { distinct.append(method) }
        let shown = distinct.prefix(3).joined(separator: ", ") + (distinct.count > 3 ? ", …" : "")
        return "batch of \(methods.count): \(shown)"
    }
}
