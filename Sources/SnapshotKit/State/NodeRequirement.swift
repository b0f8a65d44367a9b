/// Something a state source needs from the node, checked up front with cheap calls.
public struct NodeRequirement: Sendable, Equatable, Codable {
    /// Short identifier, e.g. `preimages`, `archive-state`, `tracing`, `original-genesis`.
    public var id: String
    /// What is needed, in one phrase.
    public var summary: String
    /// How to provide it (the node flag or input), in one phrase.
    public var remedy: String

    public init(id: String, summary: String, remedy: String) {
        self.id = id
        self.summary = summary
        self.remedy = remedy
    }
}
