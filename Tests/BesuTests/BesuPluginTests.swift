import SnapshotKit
import SnapshotTestSupport
import Testing
@testable import BesuPlugin

@Suite struct BesuPluginTests {
    @Test func passesTheExecutionPluginConformanceChecks() {
        let report = ExecutionPluginConformance.check(BesuPlugin(), clientVersion: FakeTracingNode.besuClientVersion, serviceName: "el-2-besu-lighthouse")
        #expect(report.issues.isEmpty, "\(report)")
    }

    @Test func registersUnderItsID() throws {
        let registry = try PluginRegistry([BesuPlugin()])
        #expect(try registry.plugin(id: BesuPlugin().id, layer: BesuPlugin().layer).displayName == "Besu")
    }

    @Test func isDetectedByClientVersionAndServiceName() throws {
        let registry = try PluginRegistry([BesuPlugin()])
        #expect(registry.detect(clientVersion: FakeTracingNode.besuClientVersion)?.id == "besu")
        #expect(registry.detect(clientVersion: "besu/v25.11.0/linux-x86_64/openjdk-java-21")?.id == "besu")
        #expect(registry.detect(serviceName: "el-1-besu-lighthouse", layer: .execution)?.id == "besu")
        #expect(registry.detect(clientVersion: "Geth/v1.16.8-stable/linux-amd64/go1.24.1") == nil)
        #expect(BesuPlugin().roles == [.stateSource, .runtime])
    }

    /// By default the range source, then the universal one; `--state-source` picks one alone.
    @Test func offersTheRangeSourceThenTheUniversalOne() throws {
        let node = try FakeTracingNode.besu(chain: .fixture(), ranges: .init(storageFormat: .forest))
        let plugin = BesuPlugin()
        #expect(plugin.stateSourceNames == ["range", "universal"])
        #expect(try plugin.makeStateSources(node.stateSourceEnvironment()).sources.map(\.name)
                == ["debug_accountRange+debug_storageRangeAt", "universal"])
        #expect(try plugin.makeStateSources(node.stateSourceEnvironment(preference: "range")).sources.map(\.name)
                == ["debug_accountRange+debug_storageRangeAt"])
        #expect(try plugin.makeStateSources(node.stateSourceEnvironment(preference: "universal")).sources.map(\.name) == ["universal"])
        #expect(try plugin.makeStateSource(node.stateSourceEnvironment()).name == "debug_accountRange+debug_storageRangeAt")
        #expect(throws: UnknownStateSourceError.self) { try plugin.makeStateSources(node.stateSourceEnvironment(preference: "dump")) }
        var withoutGenesis = node.stateSourceEnvironment()
        withoutGenesis.originalGenesis = nil
        #expect(try plugin.makeStateSources(withoutGenesis).sources.count == 1)
    }

    @Test func theUniversalSourceNamesBesusFlags() throws {
        let node = try FakeTracingNode.besu(chain: .fixture(), ranges: .init(storageFormat: .bonsai))
        let universal = try BesuPlugin().makeStateSource(node.stateSourceEnvironment(preference: "universal"))
        let tracing = try #require(universal.requirements.first { $0.id == "tracing" })
        #expect(tracing.remedy.contains("--rpc-http-api=ETH,NET,WEB3,DEBUG,TRACE"))
        #expect(tracing.remedy.contains("--data-storage-format=FOREST"))
        #expect(BesuRangeStateSource.requirements.map(\.id) == ["debug-api", "forest-storage", "proofs"])
    }
}
