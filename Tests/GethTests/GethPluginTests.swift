import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing
@testable import GethPlugin

@Suite struct GethPluginTests {
    @Test func passesTheExecutionPluginConformanceChecks() {
        let report = ExecutionPluginConformance.check(
            GethPlugin(), clientVersion: "Geth/v1.16.8-stable-6a0c4f8c/linux-amd64/go1.24.1", serviceName: "el-1-geth-lighthouse")
        #expect(report.issues.isEmpty, "\(report)")
    }

    @Test func registersUnderItsID() throws {
        let registry = try PluginRegistry([GethPlugin()])
        #expect(try registry.plugin(id: GethPlugin().id, layer: GethPlugin().layer).displayName == "Geth")
    }

    @Test func isAStateSourcePlugin() throws {
        let registry = try PluginRegistry([GethPlugin()])
        let detected = try #require(registry.detect(clientVersion: "Geth/v1.16.8-stable-6a0c4f8c/linux-amd64/go1.24.1"))
        let plugin = try #require(detected as? any ExecutionClientPlugin)
        #expect(plugin.roles.contains(.stateSource))
        #expect(plugin.stateSourceNames == ["range", "universal"])
    }

    @Test func makesTheAccountRangeSource() throws {
        let rpc = JSONRPCClient(endpoint: URL(string: "http://127.0.0.1:1")!)
        for preference in [nil, "range", "RANGE"] {
            let source = try GethPlugin().makeStateSource(StateSourceEnvironment(rpc: rpc, originalGenesis: nil, preference: preference))
            #expect(source is AccountRangeStateSource)
            #expect(source.requirements.map(\.id) == ["debug-api", "preimages", "archive-state"])
        }
        #expect(throws: UnknownStateSourceError(plugin: "geth", name: "dump", known: ["range", "universal"])) {
            try GethPlugin().makeStateSource(StateSourceEnvironment(rpc: rpc, originalGenesis: nil, preference: "dump"))
        }
    }
}
