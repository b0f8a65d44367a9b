import SnapshotKit
import Testing
@testable import NethermindPlugin

@Suite struct NethermindPluginTests {
    @Test func registersUnderItsID() throws {
        let registry = try PluginRegistry([NethermindPlugin()])
        #expect(try registry.plugin(id: NethermindPlugin().id, layer: NethermindPlugin().layer).displayName == "Nethermind")
    }
}
