/// A plugin was asked for a state source it does not have (`--state-source`).
public struct UnknownStateSourceError: Error, Equatable, CustomStringConvertible {
    /// The plugin asked.
    public let plugin: String
    /// The name asked for.
    public let name: String
    /// The plugin's `stateSourceNames`.
    public let known: [String]

    public init(plugin: String, name: String, known: [String]) {
        self.plugin = plugin
        self.name = name
        self.known = known
    }

    public var description: String {
        "the \(plugin) plugin has no state source '\(name)'; it has: \(known.joined(separator: ", "))"
    }
}
