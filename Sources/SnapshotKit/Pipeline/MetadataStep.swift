import Foundation

/// Writes `metadata.json` from the draft, with the SHA-256 of every file written before it. Runs after every step
/// that writes files into the snapshot.
public struct MetadataStep: SnapshotStep {
    public init() {}

    public var title: String { "writing \(SnapshotMetadata.fileName)" }

    public func run(_ draft: inout SnapshotDraft) async throws {
        guard let genesis = draft.executionGenesis else {
            preconditionFailure("the metadata step runs after the EL genesis step")
        }
        let files = try FileDigests.digests(
            in: draft.workspace.folder, excluding: [SnapshotMetadata.fileName], known: [ExecutionGenesisStep.path: genesis.sha256])
        let metadata = SnapshotMetadata(
            tool: draft.tool,
            createdAt: draft.createdAt,
            source: draft.source,
            state: .init(source: genesis.state.source, accounts: genesis.state.accounts,
                         contracts: genesis.state.contracts, storageSlots: genesis.state.storageSlots),
            el: .init(genesisHash: genesis.genesisHash, stateRoot: genesis.state.stateRoot,
                      runtimeClient: draft.runtimeClient, droppedForks: genesis.droppedForks),
            cl: draft.consensusGenesis.map { client, result in
                .init(client: client, fork: result.fork.rawValue, preset: result.preset, validators: result.validators,
                      genesisValidatorsRoot: result.genesisValidatorsRoot)
            },
            runtime: draft.runtimeMetadata,
            files: files)
        let url = try draft.workspace.file(SnapshotMetadata.fileName)
        do {
            try Data(metadata.fileBytes).write(to: url)
        } catch {
            throw WorkspaceError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
        draft.metadata = metadata
    }
}
