import Testing
@testable import SnapshotKit

private struct FakePlugin: ClientPlugin {
    let id: String
    var displayName: String { id }
    let layer: ClientLayer
    var detection: ClientDetectionRules { ClientDetectionRules(clientVersionNames: [id.capitalized], serviceNameTokens: [id]) }
    var roles: [PluginRole] { [] }
}

@Suite struct PluginRegistryTests {
    let registry = try! PluginRegistry([
        FakePlugin(id: "alpha", layer: .execution), FakePlugin(id: "beta", layer: .execution),
        FakePlugin(id: "gamma", layer: .consensus),
    ])

    @Test func detectsFromClientVersion() {
        #expect(registry.detect(clientVersion: "Alpha/v1.16.8-stable-abc/linux-amd64/go1.24")?.id == "alpha")
        #expect(registry.detect(clientVersion: "beta/v25.1.0/linux-x86_64/openjdk")?.id == "beta")
        #expect(registry.detect(clientVersion: "erigon/3.0") == nil)
    }

    @Test func detectsFromServiceNames() {
        #expect(registry.detect(serviceName: "el-1-beta-gamma", layer: .execution)?.id == "beta")
        #expect(registry.detect(serviceName: "el-01-beta-gamma", layer: .consensus)?.id == "gamma")
        #expect(registry.detect(serviceName: "cl-2-gamma-alpha", layer: .consensus)?.id == "gamma")
        #expect(registry.detect(serviceName: "cl-2-gamma-alpha", layer: .execution)?.id == "alpha")
        #expect(registry.detect(serviceName: "postgres", layer: .execution) == nil)
    }

    @Test func unknownClientListsKnownPlugins() {
        #expect(throws: PluginRegistry.LookupError.unknownClient(id: "delta", layer: .execution, known: ["alpha", "beta"])) {
            try registry.plugin(id: "delta", layer: .execution)
        }
        let message = PluginRegistry.LookupError.unknownClient(id: "delta", layer: .execution, known: ["alpha", "beta"]).description
        #expect(message == "unknown execution client 'delta'; known execution plugins: alpha, beta")
    }

    @Test func rejectsDuplicateIDs() {
        #expect(throws: PluginRegistry.LookupError.duplicateID("alpha")) {
            try PluginRegistry([FakePlugin(id: "alpha", layer: .execution), FakePlugin(id: "alpha", layer: .consensus)])
        }
    }
}
