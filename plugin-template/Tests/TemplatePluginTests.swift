import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing
@testable import TemplatePlugin

/// The Template plugin: the shared conformance checks, then what is particular to Template.
@Suite struct TemplatePluginTests {
    // TEMPLATE: a `web3_clientVersion` answer of a real Template node, and the name ethereum-package gives it.
    static let clientVersion = "Template/v1.0.0-0123abcd/x86_64-unknown-linux-gnu"
    static let serviceName = "el-1-template-lighthouse"

    @Test func passesTheExecutionPluginConformanceChecks() {
        let report = ExecutionPluginConformance.check(TemplatePlugin(), clientVersion: Self.clientVersion, serviceName: Self.serviceName)
        #expect(report.issues.isEmpty, "\(report)")
    }

    @Test func isDetectedAndReadsWithTheUniversalSource() throws {
        let registry = try PluginRegistry([TemplatePlugin()])
        let plugin = try #require(registry.detect(clientVersion: Self.clientVersion) as? any ExecutionClientPlugin)
        #expect(plugin.stateSourceNames == ["universal"])
        let source = try plugin.makeStateSource(.offline(preference: nil))
        #expect(source is UniversalStateSource)
        #expect(source.requirements.map(\.id) == ["original-genesis", "tracing", "proofs"])
        // TEMPLATE: the flags the remedies must name.
        let tracing = try #require(source.requirements.first { $0.id == "tracing" })
        #expect(tracing.remedy.contains("debug and trace"))
        #expect(throws: UnknownStateSourceError(plugin: "template", name: "range", known: ["universal"])) {
            try plugin.makeStateSource(.offline(preference: "range"))
        }
    }

    /// The whole state of a fake Template node, read through the plugin, is the node's state at the pinned block.
    // TEMPLATE: one argument per tracing call the client serves.
    @Test(arguments: [TraceMethod.prestateDiff, .stateDiff])
    func readsTheCompleteStateOfANode(_ method: TraceMethod) async throws {
        let chain = FakeTracingChain.fixture()
        let node = try FakeTracingNode(chain: chain, configuration: .init(traceMethods: [method], clientVersion: Self.clientVersion))
        let source = try TemplatePlugin().makeStateSource(node.stateSourceEnvironment())
        var accounts: [Account] = []
        let extracted = try await StateExtractor(source: source, block: node.pinnedBlock(), concurrency: 4).run { accounts.append($0) }
        #expect(extracted.stateRoot == node.pinnedBlock().stateRoot)
        #expect(Set(accounts.map(\.address)) == Set(try #require(chain.blocks.last?.state).keys))
    }
}
