import Foundation
import TestFixtures
import Testing

/// Every `--json` output keeps its keys in a fixed, documented order (the order the command builds them in), never
/// sorted: the same command prints the same bytes for the same input.
@Suite(.serialized) struct JSONKeyOrderCLITests {
    /// The keys of the JSON objects opened at `depth` levels of two-space indentation, in the order printed.
    static func keys(_ json: String, depth: Int) -> [String] {
        let indent = String(repeating: " ", count: 2 * depth)
        return json.split(separator: "\n").compactMap { line in
            // A member line is `<indent>"key": value`; an array's string items have no `": ` after their quote.
            guard line.hasPrefix(indent + "\""), let end = line.range(of: "\": ") else { return nil }
            let key = line[line.index(line.startIndex, offsetBy: indent.count + 1)..<end.lowerBound]
            return key.contains("\"") ? nil : String(key)
        }
    }

    @Test func pluginsKeepTheirFieldOrder() async throws {
        let result = try await CLI.run(["plugins", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.keys(result.stdout, depth: 1) == ["plugins"])
        let fields = ["id", "name", "layer", "roles", "detection", "runtimeServices", "stateSources"]
        let pluginKeys = Self.keys(result.stdout, depth: 3)
        let pluginCount = pluginKeys.filter { $0 == "id" }.count
        #expect(pluginCount >= 6 && pluginKeys.count == pluginCount * fields.count)
        #expect(Array(pluginKeys.prefix(fields.count)) == fields)
        #expect(Self.keys(result.stdout, depth: 4).prefix(2) == ["clientVersionNames", "serviceNameTokens"])
    }

    @Test func inspectGenesisKeepsItsFieldOrder() async throws {
        let file = TestFixtures.root.appendingPathComponent("genesis/mainnet.json")
        let result = try await CLI.run(["inspect-genesis", file.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.keys(result.stdout, depth: 1) == [
            "chainId", "accounts", "contracts", "storageSlots", "stateRoot", "hash", "number", "timestamp", "forks",
        ])
    }
}
