import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing

/// `BeaconNodeVersion` against a fake beacon API on the loopback interface.
@Suite struct BeaconNodeVersionTests {
    static let teku = "teku/v26.8.0/linux-x86_64/-eclipseadoptium-openjdk64bitservervm-java-25"
    static let method = "GET /\(BeaconNodeVersion.path)"

    /// A beacon API whose `/eth/v1/node/version` tells `version`; it answers on its own threads, never waiting for
    /// the cooperative pool.
    static func beacon(version: String) throws -> JSONRPCTestServer {
        try JSONRPCTestServer.answeringOnItsThreads { method, _ in
            guard method == Self.method else { throw JSONRPCTestServer.RPCFailure(code: 404, message: "no \(method)") }
            return .object([("data", .object([("version", .string(version))]))])
        }
    }

    /// A timeout no loaded machine reaches: these tests are about answers, not time.
    static let timeout = Duration.seconds(600)

    private func failure(reading server: JSONRPCTestServer) async -> JSONRPCError.Failure? {
        do {
            _ = try await BeaconNodeVersion.read(baseURL: server.url, timeout: Self.timeout)
            return nil
        } catch {
            return error.failure
        }
    }

    @Test func readsTheVersionOnce() async throws {
        let server = try Self.beacon(version: Self.teku)
        #expect(try await BeaconNodeVersion.read(baseURL: server.url, timeout: Self.timeout) == Self.teku)
        #expect(server.requestCounts == [Self.method: 1])
    }

    @Test func aLongOrHostileVersionIsSanitizedAndCut() async throws {
        let server = try Self.beacon(version: "teku/\u{1b}[31m" + String(repeating: "v", count: 4_000))
        let version = try await BeaconNodeVersion.read(baseURL: server.url, timeout: Self.timeout)
        #expect(version.hasPrefix("teku/?[31m"))
        #expect(version.hasSuffix("… (\(4_000 + 10 - ExternalText.clientVersionLimit) more bytes left out)"), "\(version)")
    }

    @Test func aHugeAnswerIsNotReadPastTheBound() async throws {
        let huge = try Self.beacon(version: "teku/" + String(repeating: "v", count: 1 << 20))
        #expect(await failure(reading: huge) == .answerTooLarge(limit: BeaconNodeVersion.maxAnswerBytes))
        let endless = try Self.beacon(version: Self.teku)
        endless.inject(.endlessBody, times: .max)
        #expect(await failure(reading: endless) == .answerTooLarge(limit: BeaconNodeVersion.maxAnswerBytes))
    }

    @Test func otherAnswersAreFailures() async throws {
        let server = try Self.beacon(version: Self.teku)
        server.inject(.httpStatus(503, body: "syncing"))
        #expect(await failure(reading: server) == .httpStatus(503, body: "syncing"))
        server.inject(.malformedBody(#"{"data":{"version":7}}"#))
        #expect(await failure(reading: server) == .malformedResponse("no data.version string"))
        server.stop()
        #expect(await failure(reading: server) == .transport(.connectionRefused))
    }
}
