import SnapshotKit
import Testing
@testable import GethPlugin

@Suite struct GethPluginTests {
    @Test func registersUnderItsID() throws {
        let registry = try PluginRegistry([GethPlugin()])
        #expect(try registry.plugin(id: GethPlugin().id, layer: GethPlugin().layer).displayName == "Geth")
    }
}
