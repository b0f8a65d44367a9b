import SnapshotKit
import Testing
@testable import LighthousePlugin

@Suite struct LighthousePluginTests {
    @Test func registersUnderItsID() throws {
        let registry = try PluginRegistry([LighthousePlugin()])
        #expect(try registry.plugin(id: LighthousePlugin().id, layer: LighthousePlugin().layer).displayName == "Lighthouse")
    }
}
