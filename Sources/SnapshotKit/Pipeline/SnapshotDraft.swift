import Foundation

/// A snapshot being assembled: its inputs, its workspace, and what the steps so far produced.
public struct SnapshotDraft: Sendable {
    public let workspace: SnapshotWorkspace
    /// The block the state is read at.
    public let block: PinnedBlock
    /// The source chain's genesis files.
    public let sourceFiles: SourceGenesisFiles
    /// The source chain's `genesis.json` without its alloc.
    public let sourceGenesis: GenesisParameters
    public let tool: SnapshotMetadata.Tool
    public let createdAt: Date
    /// What the snapshot was taken from (`metadata.json`'s `source`).
    public var source: SnapshotMetadata.Source

    /// The EL genesis, once written.
    public var executionGenesis: ELGenesisResult?
    /// The consensus genesis, once written, with the id of the plugin that wrote it.
    public var consensusGenesis: (client: String, result: ConsensusGenesisResult)?
    /// `metadata.json`'s `runtime` section, from the runtime steps.
    public var runtimeMetadata: JSONValue?
    /// `metadata.json`'s `el.runtimeClient`, from the runtime steps.
    public var runtimeClient: String?
    /// The metadata as written, once written.
    public var metadata: SnapshotMetadata?

    public init(workspace: SnapshotWorkspace, block: PinnedBlock, sourceFiles: SourceGenesisFiles,
                sourceGenesis: GenesisParameters, tool: SnapshotMetadata.Tool, createdAt: Date,
                source: SnapshotMetadata.Source) {
        self.workspace = workspace
        self.block = block
        self.sourceFiles = sourceFiles
        self.sourceGenesis = sourceGenesis
        self.tool = tool
        self.createdAt = createdAt
        self.source = source
    }
}
