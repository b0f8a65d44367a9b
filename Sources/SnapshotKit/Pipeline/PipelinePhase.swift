/// How long one stage of `SnapshotPipeline` took.
public struct PipelinePhase: Sendable, Equatable {
    /// A short name: `state`, `source files`, `consensus`, `runtime`, `metadata` or `verification`.
    public var name: String
    /// Wall-clock seconds.
    public var seconds: Double

    public init(name: String, seconds: Double) {
        self.name = name
        self.seconds = seconds
    }
}
