import ArgumentParser
import Foundation
import SnapshotKit

/// `snapshotter plugins`: what each registered plugin detects and does, and what its state sources need from a node.
struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List the registered client plugins: how each is detected, its roles, its state sources and what they need from the node.",
        discussion: CommandFailure.exitCodeHelp
    )

    @Flag(name: .long, help: "Print one JSON object instead of a table.")
    var json = false

    func run() throws {
        try reportingErrors {
            let entries = try Registry.make().plugins.map(PluginEntry.init)
            if json {
                print(JSONWriter.string(.object([("plugins", .array(entries.map(\.json)))]), indent: 2))
            } else {
                print(entries.map(\.text).joined(separator: "\n\n"))
            }
        }
    }

    /// One plugin as listed.
    private struct PluginEntry {
        let id: String
        let name: String
        let layer: String
        /// `state-source`, `consensus-genesis`, `runtime`.
        let roles: [String]
        let detection: ClientDetectionRules
        /// The runtime services the plugin defines (`execution`, `beacon`, `validator`), empty without the runtime role.
        let runtimeServices: [String]
        /// The `--state-source` choices, default first, each with its requirements.
        let stateSources: [StateSourceSummary]

        init(_ plugin: any ClientPlugin) throws {
            id = plugin.id
            name = plugin.displayName
            layer = plugin.layer.rawValue
            roles = plugin.roles.map(\.rawValue)
            detection = plugin.detection
            runtimeServices = plugin.roles.contains(.runtime)
                ? ((plugin as? any RuntimeClientPlugin)?.runtimeEmitters.map(\.role.rawValue) ?? []) : []
            stateSources = plugin.roles.contains(.stateSource)
                ? try (plugin as? any ExecutionClientPlugin)?.stateSourceSummaries() ?? [] : []
        }

        /// The entry as `--json` prints it: keys in the order of the fields above, like every other command's JSON.
        var json: JSONValue {
            .object([
                ("id", .string(id)),
                ("name", .string(name)),
                ("layer", .string(layer)),
                ("roles", .array(roles.map { .string($0) })),
                ("detection", .object([
                    ("clientVersionNames", .array(detection.clientVersionNames.map { .string($0) })),
                    ("serviceNameTokens", .array(detection.serviceNameTokens.map { .string($0) })),
                ])),
                ("runtimeServices", .array(runtimeServices.map { .string($0) })),
                ("stateSources", .array(stateSources.map { source in
                    .object([
                        ("option", .string(source.option)),
                        ("name", .string(source.name)),
                        ("requirements", .array(source.requirements.map { requirement in
                            .object([
                                ("id", .string(requirement.id)),
                                ("summary", .string(requirement.summary)),
                                ("remedy", .string(requirement.remedy)),
                            ])
                        })),
                    ])
                })),
            ])
        }

        var text: String {
            var lines = [
                "\(id) (\(name), \(layer) client)",
                "  roles:     \(roles.isEmpty ? "detection only" : roles.joined(separator: ", "))",
                "  detection: web3_clientVersion \(detection.clientVersionNames.map { "\($0)/…" }.joined(separator: ", "))"
                    + "; service name token \(detection.serviceNameTokens.joined(separator: ", "))",
            ]
            if !runtimeServices.isEmpty { lines.append("  runtime:   \(runtimeServices.joined(separator: ", "))") }
            for (index, source) in stateSources.enumerated() {
                lines.append("  --state-source \(source.option)\(index == 0 ? " (default)" : ""): \(source.name), needs:")
                for requirement in source.requirements {
                    lines.append("    - \(requirement.id): \(requirement.summary)")
                    lines.append("      fix: \(requirement.remedy)")
                }
            }
            return lines.joined(separator: "\n")
        }
    }
}
