import Foundation

/// Plans and writes the snapshot's execution-layer genesis: a portable `genesis.json` whose alloc is the verified
/// state of the pinned block, so that its state root is that block's `stateRoot` by construction.
///
/// Block fields come from the pinned block (`timestamp`, `gasLimit`, `baseFeePerGas`, `extraData`), the chain config
/// from the source chain's own genesis with every fork active at the pinned block moved to genesis and later forks
/// dropped (`ChainConfig.activatingForks`). The number is 0; the difficulty is 0 on a chain that is proof-of-stake
/// at the pinned block, else the source genesis' difficulty; `nonce`, `mixHash`, `coinbase`, `excessBlobGas`,
/// `blobGasUsed` and `slotNumber` are carried over from the source genesis.
public struct ELGenesisBuilder: Sendable {
    /// The block the state is taken at.
    public let block: PinnedBlock
    /// The fork rewrite applied to the source chain config.
    public let forks: ForkRewrite
    /// The new genesis' config and block fields.
    public let parameters: GenesisParameters

    public init(sourceGenesis: GenesisParameters, block: PinnedBlock) {
        self.block = block
        let source = sourceGenesis.config
        forks = source.activatingForks(atBlock: block.number, timestamp: block.timestamp)
        let postMerge = source.isPostMerge(atBlock: block.number, timestamp: block.timestamp)
        parameters = GenesisParameters(
            config: forks.config,
            nonce: sourceGenesis.nonce,
            timestamp: block.timestamp,
            extraData: block.extraData,
            gasLimit: block.gasLimit,
            difficulty: postMerge ? .zero : sourceGenesis.difficulty,
            mixHash: sourceGenesis.mixHash,
            coinbase: sourceGenesis.coinbase,
            number: 0,
            gasUsed: 0,
            parentHash: GenesisParameters.zeroHash,
            baseFeePerGas: block.baseFeePerGas,
            excessBlobGas: sourceGenesis.excessBlobGas,
            blobGasUsed: sourceGenesis.blobGasUsed,
            slotNumber: sourceGenesis.slotNumber)
    }

    /// The genesis header of the new chain for a verified state root.
    public func header(stateRoot: [UInt8]) -> GenesisHeader {
        GenesisHeader(parameters: parameters, stateRoot: stateRoot)
    }

    /// Streams `extractor`'s verified accounts into a genesis file at `url` and returns what was written — the state
    /// root computed from the accounts as they were written and the file's digest hashed from the bytes as they were
    /// written, so the file never needs reading back. The file is complete only when this returns; on any error it is
    /// left partial for the caller to remove.
    public func write(_ extractor: StateExtractor, to url: URL) async throws -> ELGenesisResult {
        precondition(extractor.block == block, "the extractor must read the block the genesis is planned for")
        let writer = try GenesisWriter(parameters: parameters, url: url)
        let state = try await extractor.run(encoding: GenesisWriter.encode) { accounts in try writer.append(accounts) }
        try writer.finish()
        // The extractor only returns when the recomputed root equals the block's, and the writer saw the same accounts.
        precondition(state.stateRoot == block.stateRoot, "a verified extraction has the pinned block's state root")
        let header = header(stateRoot: state.stateRoot)
        return ELGenesisResult(
            state: state, parameters: parameters, genesisHash: header.hash(), header: header, bytes: writer.byteCount,
            sha256: writer.sha256!, activatedForks: forks.activated, droppedForks: forks.dropped)
    }
}

/// The snapshot's EL genesis as written.
public struct ELGenesisResult: Sendable, Equatable {
    /// The verified state in its alloc.
    public var state: ExtractedState
    /// The new genesis' config and block fields.
    public var parameters: GenesisParameters
    /// keccak256(rlp(header)) of the new genesis block.
    public var genesisHash: [UInt8]
    public var header: GenesisHeader
    /// Size of the genesis file.
    public var bytes: Int
    /// The lowercase hex SHA-256 of the file, computed as it was written.
    public var sha256: String
    /// Forks active at genesis, by name.
    public var activatedForks: [String]
    /// Forks removed because they were not active at the pinned block.
    public var droppedForks: [String]

    /// The genesis block as the consensus genesis builds on it.
    public var block: ExecutionGenesisBlock { ExecutionGenesisBlock(parameters: parameters, header: header) }

    public init(state: ExtractedState, parameters: GenesisParameters, genesisHash: [UInt8], header: GenesisHeader, bytes: Int,
                sha256: String, activatedForks: [String], droppedForks: [String]) {
        self.state = state
        self.parameters = parameters
        self.genesisHash = genesisHash
        self.header = header
        self.bytes = bytes
        self.sha256 = sha256
        self.activatedForks = activatedForks
        self.droppedForks = droppedForks
    }
}
