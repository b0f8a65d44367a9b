import Foundation

/// What a beacon node says it is: the `data.version` of its `GET /eth/v1/node/version`
/// (`teku/v26.8.0/linux-x86_64/…`, `Lighthouse/v8.2.2-…/x86_64-linux`), for detecting the enclave's consensus client.
public enum BeaconNodeVersion {
    /// The beacon API's path, below the node's base URL.
    public static let path = "eth/v1/node/version"
    /// The largest answer read: a version answer is a few hundred bytes; a larger one is no version.
    public static let maxAnswerBytes = 16 << 10

    /// Asks the beacon node at `baseURL` (its `http` port) once, within `timeout`, and returns its version, printable
    /// and at most `ExternalText.clientVersionLimit` characters. Throws when the node cannot be reached, answers
    /// with another status than 200, or with anything but `{"data":{"version":"…"}}` within `maxAnswerBytes`.
    public static func read(baseURL: URL, timeout: Duration = .seconds(5)) async throws(JSONRPCError) -> String {
        let endpoint = baseURL.appendingPathComponent(path)
        let label = "GET /\(path)"
        let transport = HTTPTransport(
            endpoint: endpoint,
            configuration: JSONRPCClient.Configuration(timeout: timeout, maxAttempts: 1, maxConnections: 1, maxAnswerBytes: maxAnswerBytes))
        let failure: JSONRPCError.Failure
        switch await transport.exchange(nil, maxAnswerBytes: maxAnswerBytes) {
        case .failed(let reason):
            failure = reason
        case .answered(let answer) where answer.status != 200:
            failure = .httpStatus(answer.status, body: ExternalText.sanitized(String(decoding: answer.body, as: UTF8.self), limit: 200))
        case .answered(let answer):
            guard let version = (try? JSONParser.parse([UInt8](answer.body)))?["data"]?["version"]?.stringValue else {
                failure = .malformedResponse("no data.version string")
                break
            }
            return ExternalText.sanitized(version, limit: ExternalText.clientVersionLimit)
        }
        throw JSONRPCError(method: label, endpoint: endpoint, failure: failure)
    }
}
