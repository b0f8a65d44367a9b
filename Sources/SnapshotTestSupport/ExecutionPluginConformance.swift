import Foundation
import SnapshotKit

/// The checks every execution client plugin's tests run (docs/writing-a-plugin.md, "Tests"):
///
/// - **detection**: the client's real `web3_clientVersion` and Kurtosis service name are detected by a registry
///   holding the plugin, so is every rule it declares, and no other client's sample (``ExecutionClientSample/known``)
///   is taken for it;
/// - **state sources**: each `--state-source` name builds a source without calling the node, and each source declares
///   what it needs from the node, with a one-line summary and remedy; the default chain (`makeStateSources`) starts
///   with the default source and holds only named ones;
/// - **runtime**: the plugin's `el` emitter, run by ``RuntimeWriter`` over the fixture snapshot, writes a
///   `docker-compose.yml` whose `el` service has the pinned default image and a health check, and the whole snapshot
///   passes ``SnapshotVerifier``;
/// - **genesis**: the service reads the EL genesis the core writes (`el/genesis.json`, `config` first) from the
///   snapshot mount, and keeps its data, JWT secret and ports where the stack expects them.
///
/// A plugin without the state-source or runtime role skips those checks (the report says so).
public enum ExecutionPluginConformance {
    /// The shared test fixtures in this repository, Tests/TestFixtures/Fixtures (the snapshot fixture is built from them).
    public static let repositoryFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Tests/TestFixtures/Fixtures")

    /// Runs every check on `plugin`.
    ///
    /// - Parameters:
    ///   - clientVersion: a `web3_clientVersion` answer of a real node of the client.
    ///   - serviceName: the name ethereum-package gives such a node, e.g. `el-1-reth-lighthouse`.
    public static func check(
        _ plugin: any ClientPlugin, clientVersion: String, serviceName: String, fixtures: URL = repositoryFixtures
    ) -> ConformanceReport {
        var checker = ConformanceChecker(plugin: plugin)
        checker.detection(clientVersion: clientVersion, serviceName: serviceName)
        checker.stateSources()
        checker.runtime(fixtures: fixtures)
        return checker.report
    }

    /// The plugin id of plugin-template, the only plugin whose default image may be a placeholder (under `example/`):
    /// a plugin copied from it fails the runtime check until its image is the client's.
    public static let templateID = "template"
}
