import Foundation
import Testing

/// Runs the built `snapshotter` binary as a user would.
@Suite struct PluginsCLITests {
    @Test func pluginsJSONListsEveryClient() throws {
        let result = try CLI.run(["plugins", "--json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let ids = (object?["plugins"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids == ["geth", "besu", "nethermind", "reth", "lighthouse"])
    }
}
