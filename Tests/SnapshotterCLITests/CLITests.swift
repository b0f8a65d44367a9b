import Foundation
import Testing

/// Runs the built `snapshotter` binary as a user would (on threads of its own, one test at a time: see `CLI.run`).
@Suite(.serialized) struct PluginsCLITests {
    static func plugins() async throws -> [[String: Any]] {
        let result = try await CLI.run(["plugins", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return try #require(object?["plugins"] as? [[String: Any]])
    }

    @Test func pluginsJSONListsEveryClient() async throws {
        let ids = try await Self.plugins().compactMap { $0["id"] as? String }
        #expect(ids == ["geth", "besu", "nethermind", "reth", "lighthouse", "teku"])
    }

    /// Each plugin's detection rules, roles, runtime services and state sources with their requirements.
    @Test func pluginsJSONDescribesRolesAndRequirements() async throws {
        let plugins = try await Self.plugins()
        let reth = try #require(plugins.first { $0["id"] as? String == "reth" })
        #expect(reth["name"] as? String == "Reth" && reth["layer"] as? String == "execution")
        #expect(reth["roles"] as? [String] == ["state-source", "runtime"])
        #expect(reth["runtimeServices"] as? [String] == ["execution"])
        let detection = try #require(reth["detection"] as? [String: [String]])
        #expect(detection == ["clientVersionNames": ["reth"], "serviceNameTokens": ["reth"]])
        let sources = try #require(reth["stateSources"] as? [[String: Any]])
        #expect(sources.map { $0["option"] as? String } == ["universal"])
        let requirements = try #require(sources.first?["requirements"] as? [[String: String]])
        #expect(requirements.map { $0["id"] } == ["original-genesis", "tracing", "proofs"])
        #expect(requirements.allSatisfy { !($0["summary"] ?? "").isEmpty && !($0["remedy"] ?? "").isEmpty })
        #expect(requirements.last?["remedy"]?.contains("--rpc.eth-proof-window=302400") == true)

        let geth = try #require(plugins.first { $0["id"] as? String == "geth" })
        let gethSources = try #require(geth["stateSources"] as? [[String: Any]])
        #expect(gethSources.first?["option"] as? String == "range" && gethSources.first?["name"] as? String == "debug_accountRange")
        let lighthouse = try #require(plugins.first { $0["id"] as? String == "lighthouse" })
        #expect(lighthouse["roles"] as? [String] == ["consensus-genesis", "runtime"])
        #expect(lighthouse["runtimeServices"] as? [String] == ["beacon", "validator"])
        #expect((lighthouse["stateSources"] as? [Any])?.isEmpty == true)
    }

    /// No two shipped plugins of a layer claim the same `web3_clientVersion` name or service-name token: detection
    /// takes the first match, so a collision would silently pick the wrong plugin.
    @Test func shippedDetectionRulesDoNotCollide() async throws {
        for layer in ["execution", "consensus"] {
            var versionNames: [String: String] = [:], tokens: [String: String] = [:]
            for plugin in try await Self.plugins() where plugin["layer"] as? String == layer {
                let id = try #require(plugin["id"] as? String)
                let detection = try #require(plugin["detection"] as? [String: [String]])
                for name in detection["clientVersionNames"] ?? [] {
                    #expect(versionNames.updateValue(id, forKey: name.lowercased()) == nil, "\(id) and another plugin claim \(name)")
                }
                for token in detection["serviceNameTokens"] ?? [] {
                    #expect(tokens.updateValue(id, forKey: token.lowercased()) == nil, "\(id) and another plugin claim \(token)")
                }
            }
        }
    }

    @Test func pluginsTextShowsTheSameFacts() async throws {
        let result = try await CLI.run(["plugins"])
        #expect(result.status == 0, "\(result.stderr)")
        let reth = try #require(result.stdout.components(separatedBy: "\n\n").first { $0.hasPrefix("reth ") })
        let lines = reth.split(separator: "\n").map(String.init)
        #expect(lines.prefix(5) == [
            "reth (Reth, execution client)",
            "  roles:     state-source, runtime",
            "  detection: web3_clientVersion reth/…; service name token reth",
            "  runtime:   execution",
            "  --state-source universal (default): universal, needs:",
        ])
        #expect(lines.contains("    - proofs: eth_getProof at the pinned block, which Reth answers only at its head unless a proof window is open"))
        #expect(!result.stdout.contains("detection only"), "every shipped plugin fills a role")
    }
}
