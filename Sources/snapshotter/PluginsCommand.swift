import ArgumentParser
import Foundation
import SnapshotKit

/// `snapshotter plugins`: what each registered plugin detects and does.
struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List the registered client plugins, how each is detected, and which roles it fills."
    )

    @Flag(name: .long, help: "Print one JSON object instead of a table.")
    var json = false

    func run() throws {
        let registry = try Registry.make()
        if json {
            let entries = registry.plugins.map { plugin in
                PluginEntry(
                    id: plugin.id, name: plugin.displayName, layer: plugin.layer.rawValue,
                    roles: plugin.roles.map(\.rawValue), detection: plugin.detection,
                    stateSources: (plugin as? any ExecutionClientPlugin)?.stateSourceNames)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(["plugins": entries]), as: UTF8.self))
            return
        }
        for plugin in registry.plugins {
            let roles = plugin.roles.isEmpty ? "detection only" : plugin.roles.map(\.rawValue).joined(separator: ", ")
            print("\(plugin.id) (\(plugin.displayName), \(plugin.layer.rawValue) client)")
            print("  roles:     \(roles)")
            print("  detection: web3_clientVersion \(plugin.detection.clientVersionNames.map { "\($0)/…" }.joined(separator: ", "))"
                + "; service name token \(plugin.detection.serviceNameTokens.joined(separator: ", "))")
            if let execution = plugin as? any ExecutionClientPlugin {
                print("  state sources: \(execution.stateSourceNames.joined(separator: ", ")) (tried in this order; --state-source picks one)")
            }
        }
    }

    private struct PluginEntry: Encodable {
        let id: String
        let name: String
        let layer: String
        let roles: [String]
        let detection: ClientDetectionRules
        /// An execution plugin's state sources, in the order they are tried.
        let stateSources: [String]?
    }
}
