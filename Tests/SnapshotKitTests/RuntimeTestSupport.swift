import Foundation
import SnapshotKit
import SnapshotTestSupport
import TestFixtures
import Testing
import Yams

/// Shared helpers of the runtime, compose, init-script and verify tests.
enum RuntimeTestSupport {
    /// The shared fixtures folder.
    static var fixtures: URL { TestFixtures.root }

    /// A registry with the stand-in runtime plugins (the core tests know no real client).
    static func stubRegistry() throws -> PluginRegistry {
        try PluginRegistry([StubExecutionRuntimePlugin(), StubConsensusRuntimePlugin()])
    }

    /// A fresh fixture snapshot run by the stub plugins.
    static func snapshot(options: RuntimeOptions = RuntimeOptions()) throws -> URL {
        try SnapshotFixture.build(fixtures: fixtures, registry: stubRegistry(), options: options)
    }

    /// The parsed `docker-compose.yml` of a snapshot folder.
    static func compose(in folder: URL) throws -> Node {
        let text = try String(contentsOf: folder.appendingPathComponent("docker-compose.yml"), encoding: .utf8)
        return try #require(try Yams.compose(yaml: text))
    }

    /// Runs a program found on PATH (or by path) and returns its result.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, in directory: URL? = nil
    ) async throws -> SubprocessResult {
        try await Subprocess(executable, environment: environment, currentDirectory: directory, timeout: .seconds(120))
            .run(arguments)
    }

    /// Whether a program is on PATH.
    static func isInstalled(_ program: String) -> Bool {
        (try? Subprocess(program).resolveExecutable()) != nil
    }

    /// The Docker Compose command line that is installed: `docker compose` (v2) or `docker-compose` (v1), else nil.
    static func composeCommand() async -> [String]? {
        if isInstalled("docker"), (try? await run("docker", ["compose", "version"]))?.succeeded == true {
            return ["docker", "compose"]
        }
        return isInstalled("docker-compose") ? ["docker-compose"] : nil
    }
}
