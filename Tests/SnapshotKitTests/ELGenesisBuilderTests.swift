import Foundation
import SnapshotKit
import Testing

@Suite struct ELGenesisBuilderTests {
    private func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("el-genesis-\(UUID().uuidString).json")
    }

    /// A block with case (a)'s own genesis fields and state must give back case (a)'s genesis hash, as
    /// eth-genesis-state-generator computed it.
    @Test func reproducesAThirdPartyGenesisHash() async throws {
        let genesis = try PipelineFixture.genesis()
        let builder = ELGenesisBuilder(sourceGenesis: genesis.parameters, block: try PipelineFixture.block())
        let url = temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try await builder.write(
            StateExtractor(source: FakeStateSource(accounts: genesis.alloc), block: try PipelineFixture.block(), concurrency: 1), to: url)
        #expect(result.genesisHash == PipelineFixture.blockHash)
        #expect(result.state.stateRoot == PipelineFixture.stateRoot)
        #expect(result.droppedForks.isEmpty)
        #expect(result.activatedForks.suffix(4) == ["shanghai", "cancun", "prague", "osaka"])

        let written = try GenesisFile(contentsOf: url)
        #expect(written.stateRoot() == PipelineFixture.stateRoot)
        #expect(written.header().hash() == PipelineFixture.blockHash)
        #expect(result.bytes == (try Data(contentsOf: url)).count)
        #expect(Set(written.alloc.map(\.address)) == Set(genesis.alloc.map(\.address)))
    }

    /// Holesky pinned between Prague (1740434112) and Osaka (1759308480): forks up to Prague at 0, Osaka and the
    /// BPO forks dropped with their blob schedule entries; block fields from the block, difficulty 0 (post-merge).
    @Test func rewritesForksAndTakesHeaderFieldsFromTheBlock() throws {
        let holesky = try GenesisFixture.genesis("holesky").parameters
        #expect(holesky.difficulty == 1)
        let block = PinnedBlock(
            number: 3_500_000, hash: [UInt8](repeating: 0xab, count: 32), stateRoot: [UInt8](repeating: 0xcd, count: 32),
            timestamp: 1_750_000_000, gasLimit: 36_000_000, baseFeePerGas: UInt256(7), extraData: Array("Nethermind v1".utf8))
        let builder = ELGenesisBuilder(sourceGenesis: holesky, block: block)
        let parameters = builder.parameters
        #expect(parameters.number == 0 && parameters.gasUsed == 0 && parameters.parentHash == GenesisParameters.zeroHash)
        #expect(parameters.timestamp == 1_750_000_000 && parameters.gasLimit == 36_000_000)
        #expect(parameters.baseFeePerGas == UInt256(7) && parameters.extraData == Array("Nethermind v1".utf8))
        #expect(parameters.difficulty == .zero)
        #expect(parameters.nonce == holesky.nonce && parameters.mixHash == holesky.mixHash)
        #expect(builder.forks.dropped == ["osaka", "bpo1", "bpo2"])
        let config = parameters.config
        #expect(config.activation(of: .prague)?.trigger == .timestamp(0))
        #expect(config.activation(of: .shanghai)?.trigger == .timestamp(0))
        #expect(config.activation(of: .osaka) == nil)
        #expect(config.blobSchedule.map(\.fork) == ["cancun", "prague"])
        #expect(config.chainId == 17000)

        let header = builder.header(stateRoot: block.stateRoot)
        #expect(header.stateRoot == block.stateRoot && header.number == 0 && header.timestamp == block.timestamp)
        #expect(header.baseFeePerGas == UInt256(7))
        #expect(header.requestsHash == GenesisHeader.emptyRequestsHash, "Prague is active at genesis")
        #expect(header.parentBeaconBlockRoot == GenesisParameters.zeroHash, "Cancun is active at genesis")
    }

    /// A chain that is not post-merge at the block (this mainnet.json stops at Berlin) keeps its difficulty, and
    /// has no base fee.
    @Test func preMergeChainKeepsItsDifficulty() throws {
        let mainnet = try GenesisFixture.genesis("mainnet").parameters
        let block = PinnedBlock(number: 13_000_000, hash: [UInt8](repeating: 1, count: 32), stateRoot: [UInt8](repeating: 2, count: 32),
                                timestamp: 1_630_000_000, gasLimit: 30_000_000, baseFeePerGas: nil, extraData: [])
        let builder = ELGenesisBuilder(sourceGenesis: mainnet, block: block)
        #expect(builder.parameters.difficulty == mainnet.difficulty)
        #expect(builder.parameters.baseFeePerGas == nil)
        #expect(builder.forks.dropped == ["daoFork"])
        #expect(builder.header(stateRoot: block.stateRoot).baseFeePerGas == nil)
    }

    /// The EL genesis of a wrong state is never finished: the verification error stops the writer.
    @Test func wrongStateFailsVerification() async throws {
        let genesis = try PipelineFixture.genesis()
        let block = try PipelineFixture.block()
        let url = temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        var changed = genesis.alloc
        changed[0].balance = UInt256(1)
        let extractor = StateExtractor(source: FakeStateSource(accounts: changed), block: block, concurrency: 1)
        await #expect(throws: StateVerificationError.self) {
            try await ELGenesisBuilder(sourceGenesis: genesis.parameters, block: block).write(extractor, to: url)
        }
    }
}
