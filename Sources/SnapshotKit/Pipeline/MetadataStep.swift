import Foundation

/// Writes `metadata.json` with the SHA-256 of every file written before it. Runs after every stage that writes files
/// into the snapshot.
public enum MetadataStep {
    public static let title = "writing \(SnapshotMetadata.fileName)"

    /// Writes the metadata of what the earlier stages made into `workspace` and returns it. The EL genesis' digest
    /// is the one hashed while it was written, not read back.
    public static func run(_ request: SnapshotRequest, execution: ELGenesisResult, consensus: ConsensusGenesis,
                           runtime: RuntimeRecord, in workspace: SnapshotWorkspace) throws -> SnapshotMetadata {
        let files = try FileDigests.digests(
            in: workspace.folder, excluding: [SnapshotMetadata.fileName], known: [ExecutionGenesisStep.path: execution.sha256])
        let metadata = SnapshotMetadata(
            tool: request.tool,
            createdAt: request.createdAt,
            source: request.source,
            state: .init(source: execution.state.source, accounts: execution.state.accounts,
                         contracts: execution.state.contracts, storageSlots: execution.state.storageSlots),
            el: .init(genesisHash: execution.genesisHash, stateRoot: execution.state.stateRoot,
                      runtimeClient: runtime.executionClient, droppedForks: execution.droppedForks),
            cl: .init(client: consensus.client, fork: consensus.result.fork.rawValue, preset: consensus.result.preset,
                      validators: consensus.result.validators, genesisValidatorsRoot: consensus.result.genesisValidatorsRoot,
                      layout: consensus.result.layout),
            runtime: runtime.metadata,
            files: files)
        let url = try workspace.file(SnapshotMetadata.fileName)
        do {
            try Data(metadata.fileBytes).write(to: url)
        } catch {
            throw WorkspaceError.cannotWrite(path: url.path, reason: FileErrorReason.of(error))
        }
        return metadata
    }
}
