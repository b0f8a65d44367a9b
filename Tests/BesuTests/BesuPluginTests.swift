import SnapshotKit
import Testing
@testable import BesuPlugin

@Suite struct BesuPluginTests {
    @Test func registersUnderItsID() throws {
        let registry = try PluginRegistry([BesuPlugin()])
        #expect(try registry.plugin(id: BesuPlugin().id, layer: BesuPlugin().layer).displayName == "Besu")
    }
}
