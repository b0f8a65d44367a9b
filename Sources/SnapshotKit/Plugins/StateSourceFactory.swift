/// One state source an execution plugin offers: the name `--state-source` accepts and how to build the source for a
/// node. A plugin lists its factories in the order `create` tries them (``ExecutionClientPlugin/stateSources``).
public struct StateSourceFactory: Sendable {
    /// The name `--state-source` accepts, e.g. `range`.
    public let name: String
    /// Whether the source starts from the source chain's original genesis (the universal source does): by default it
    /// is tried only when that genesis is known.
    public let needsOriginalGenesis: Bool
    /// Builds the source. Must not call the node: sources are also built offline to list their requirements; a
    /// source checks the node in `checkRequirements`.
    public let make: @Sendable (StateSourceEnvironment) throws -> any StateSource

    public init(_ name: String, needsOriginalGenesis: Bool = false,
                make: @escaping @Sendable (StateSourceEnvironment) throws -> any StateSource) {
        self.name = name
        self.needsOriginalGenesis = needsOriginalGenesis
        self.make = make
    }

    /// The universal source (tracing and proofs) with a client's `options`.
    public static func universal(_ options: UniversalStateSource.Options) -> StateSourceFactory {
        StateSourceFactory("universal", needsOriginalGenesis: true) { try UniversalStateSource($0, options: options) }
    }
}
