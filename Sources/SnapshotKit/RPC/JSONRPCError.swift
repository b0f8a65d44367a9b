import Foundation

/// A failed JSON-RPC call: which method, at which endpoint, what went wrong, and what to do about it.
public struct JSONRPCError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Failure: Sendable, Equatable {
        /// The node answered with a JSON-RPC error object.
        case rpc(code: Int, message: String, data: JSONValue?)
        /// The node answered with a non-success HTTP status; `body` is the start of what it sent.
        case httpStatus(Int, body: String)
        /// No answer arrived.
        case transport(TransportFailure)
        /// The answer is not a JSON-RPC response (or not the one asked for).
        case malformedResponse(String)
        /// The answer's body passed `limit` bytes; the rest was not read.
        case answerTooLarge(limit: Int)
    }

    /// Why no answer arrived.
    public enum TransportFailure: Sendable, Equatable {
        case connectionRefused
        case timedOut(seconds: Double)
        /// The connection closed before the answer was complete.
        case connectionLost
        case hostNotFound
        case cancelled
        case other(String)
    }

    /// The method called (for a batch, a summary such as `batch of 3: eth_getProof, eth_getCode`).
    public let method: String
    public let endpoint: URL
    public let failure: Failure
    /// How many times the request was sent.
    public let attempts: Int
    /// What the user can do about it, shown after the dash; callers may replace it with something more specific.
    public var hint: String?

    public init(method: String, endpoint: URL, failure: Failure, attempts: Int = 1, hint: String? = nil) {
        self.method = method
        self.endpoint = endpoint
        self.failure = failure
        self.attempts = attempts
        self.hint = hint
    }

    /// The JSON-RPC error code, when the node answered with an error object.
    public var rpcCode: Int? {
        if case .rpc(let code, _, _) = failure { code } else { nil }
    }

    public var description: String {
        let url = RedactedURL(endpoint).description
        let tries = attempts > 1 ? " after \(attempts) attempts" : ""
        let what: String
        switch failure {
        case .transport(let transport):
            what = "cannot reach \(url) (\(method)): \(transport.summary)\(tries)"
        case .rpc(let code, let message, _):
            what = "\(method) failed at \(url): RPC error \(code) \"\(Self.oneLine(message))\""
        case .httpStatus(let status, let body):
            let excerpt = body.isEmpty ? "" : " (\"\(Self.oneLine(body))\")"
            what = "\(method) failed at \(url): HTTP \(status)\(excerpt)\(tries)"
        case .malformedResponse(let reason):
            what = "\(method) failed at \(url): malformed response (\(Self.oneLine(reason)))"
        case .answerTooLarge(let limit):
            what = "answer of \(method) from \(url) exceeded \(Self.byteCount(limit))"
        }
        guard let hint, !hint.isEmpty else { return what }
        return what + " — " + hint
    }

    /// Advice that fits any client: what the failure usually means and where to look.
    public static func genericHint(method: String, failure: Failure) -> String? {
        switch failure {
        case .transport(.connectionRefused):
            return "is the node running and is --rpc-url right?"
        case .transport(.hostNotFound):
            return "is the host name in --rpc-url right?"
        case .transport(.timedOut):
            return "the node is slow or stuck; check that it is synced and not overloaded, or raise --rpc-timeout"
        case .transport(.connectionLost):
            return "the node closed the connection; check its logs"
        case .transport(.cancelled):
            return nil
        case .transport(.other):
            return "is the node running and is --rpc-url right?"
        case .rpc(-32601, _, _):
            let namespace = method.split(separator: "_").first.map(String.init) ?? method
            return "enable the \(namespace) API on the node's HTTP JSON-RPC endpoint"
        case .rpc(-32602, _, _):
            return "the node rejected the parameters of \(method); check that its version supports this form of the call"
        case .rpc(-32700, _, _), .rpc(-32600, _, _):
            return "the node could not read the request; is --rpc-url a JSON-RPC endpoint?"
        case .rpc:
            return "the node refused the call; check that it supports \(method) at this block with its current flags"
        case .httpStatus(401, _), .httpStatus(403, _):
            return "the endpoint wants authentication; point --rpc-url at the node's plain HTTP JSON-RPC port, not the engine port"
        case .httpStatus(404, _), .httpStatus(405, _):
            return "is --rpc-url the node's HTTP JSON-RPC endpoint?"
        case .httpStatus(413, _):
            return "the request is larger than the node accepts; use smaller batches"
        case .httpStatus(429, _):
            return "the node is rate-limiting; lower the number of requests in flight"
        case .httpStatus(let status, _) where status >= 500:
            return "the node failed to answer; check its logs"
        case .httpStatus:
            return "is --rpc-url the node's HTTP JSON-RPC endpoint?"
        case .malformedResponse:
            return "is --rpc-url the node's HTTP JSON-RPC endpoint?"
        case .answerTooLarge:
            return "the rest was not read; is --rpc-url the node's HTTP JSON-RPC endpoint?"
        }
    }

    /// `256 MiB`, `64 KiB` or `300 bytes`.
    static func byteCount(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }

    /// `text` on one line, at most 160 characters.
    private static func oneLine(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 160 ? String(flat.prefix(157)) + "..." : flat
    }
}

extension JSONRPCError.TransportFailure {
    /// Short text for messages: `connection refused`.
    var summary: String {
        switch self {
        case .connectionRefused: "connection refused"
        case .timedOut(let seconds): "no answer within \(secondsText(seconds))"
        case .connectionLost: "the connection closed before the answer was complete"
        case .hostNotFound: "host not found"
        case .cancelled: "cancelled"
        case .other(let reason): reason
        }
    }

    /// Whether sending the same request again may succeed.
    var isRetryable: Bool {
        switch self {
        case .connectionRefused, .timedOut, .connectionLost, .other: true
        case .hostNotFound, .cancelled: false
        }
    }
}
