import Foundation

/// What a snapshot is made of before any stage runs: the pinned block, the source chain's files, and what
/// `metadata.json` says about its origin.
public struct SnapshotRequest: Sendable {
    /// The block the state is read at.
    public let block: PinnedBlock
    /// The source chain's genesis files.
    public let sourceFiles: SourceGenesisFiles
    /// The source chain's `genesis.json` without its alloc.
    public let sourceGenesis: GenesisParameters
    /// What the snapshot was taken from (`metadata.json`'s `source`).
    public let source: SnapshotMetadata.Source
    public let tool: SnapshotMetadata.Tool
    public let createdAt: Date

    public init(block: PinnedBlock, sourceFiles: SourceGenesisFiles, sourceGenesis: GenesisParameters,
                source: SnapshotMetadata.Source, tool: SnapshotMetadata.Tool, createdAt: Date) {
        self.block = block
        self.sourceFiles = sourceFiles
        self.sourceGenesis = sourceGenesis
        self.source = source
        self.tool = tool
        self.createdAt = createdAt
    }

    /// A request for `block` of the chain whose genesis files are `files`, read from a node (`rpcURL` — stored with its
    /// credentials redacted —, `enclave`, `elClient` and `clientVersion` as `metadata.json` should name them).
    public init(block: PinnedBlock, files: SourceGenesisFiles, genesis: GenesisFile, rpcURL: String? = nil,
                enclave: String? = nil, elClient: String? = nil, clientVersion: String? = nil,
                createdAt: Date = SnapshotRequest.now()) {
        self.init(
            block: block, sourceFiles: files, sourceGenesis: genesis.parameters,
            source: SnapshotMetadata.Source(
                enclave: enclave, rpcURL: rpcURL.map { RedactedURL($0).description }, elClient: elClient, clientVersion: clientVersion,
                chainId: genesis.parameters.config.chainId, blockNumber: block.number, blockHash: block.hash,
                stateRoot: block.stateRoot),
            tool: .current, createdAt: createdAt)
    }

    /// Now, to the second (as `metadata.json` and default snapshot names write it).
    public static func now() -> Date {
        Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    }
}
