import Foundation

/// A finished snapshot: the folder in place and what each stage of `SnapshotPipeline` produced.
public struct Snapshot: Sendable {
    /// `<out>/<name>`, verified and renamed into place.
    public let folder: URL
    public let request: SnapshotRequest
    public let execution: ELGenesisResult
    public let consensus: ConsensusGenesis
    public let runtime: RuntimeRecord
    public let metadata: SnapshotMetadata
    /// How long each stage took, in the order they ran.
    public let phases: [PipelinePhase]

    public init(folder: URL, request: SnapshotRequest, execution: ELGenesisResult, consensus: ConsensusGenesis,
                runtime: RuntimeRecord, metadata: SnapshotMetadata, phases: [PipelinePhase] = []) {
        self.folder = folder
        self.request = request
        self.execution = execution
        self.consensus = consensus
        self.runtime = runtime
        self.metadata = metadata
        self.phases = phases
    }
}
