import Foundation
import SnapshotKit
import Testing

/// A state source that serves fixed pages, for pipeline tests.
struct FakeStateSource: StateSource {
    var name = "fake source"
    var requirements = [NodeRequirement(id: "preimages", summary: "address preimages", remedy: "run the node with --keep-preimages")]
    var pages: [[Account]]
    /// Thrown after the pages, if set.
    var failure: (any Error & Sendable)?

    /// `accounts` sorted by keccak(address), in pages of `pageSize`.
    init(accounts: [Account], pageSize: Int = 3) {
        let sorted = accounts.sorted { Keccak256.hash($0.address.bytes).lexicographicallyPrecedes(Keccak256.hash($1.address.bytes)) }
        pages = stride(from: 0, to: sorted.count, by: pageSize).map { Array(sorted[$0..<min($0 + pageSize, sorted.count)]) }
    }

    init(pages: [[Account]]) {
        self.pages = pages
    }

    func checkRequirements(at block: PinnedBlock) async throws {}

    func accountPages(_ context: StateSourceContext) -> AsyncThrowingStream<[Account], any Error> {
        AsyncThrowingStream { continuation in
            var accounts = 0
            for page in pages {
                accounts += page.count
                context.progress(StateProgress(accounts: accounts, storageSlots: 0, fraction: nil, phase: "accounts"))
                continuation.yield(page)
            }
            continuation.finish(throwing: failure)
        }
    }
}

/// Test data for the pipeline: case (a) of the cl-genesis vectors, whose EL genesis state root and block hash
/// come from ethpandaops' eth-genesis-state-generator (summary.json's `latest_execution_payload_header`).
enum PipelineFixture {
    /// The EL genesis of case (a): deposit contract with storage, four system contracts, three funded accounts.
    static func genesis() throws -> GenesisFile { try GenesisFixture.genesis("cl-genesis-a") }
    static let stateRoot = try! [UInt8](hex: "0x04bf774e927ab7f2327babacbf8cce5ecef82ccbcd9e485196e4e6ffe878627c")
    static let blockHash = try! [UInt8](hex: "0x2757ccc59f4fe5e6da774deaf8f992cdf58266cac37ad6478d47c112f546ef69")

    /// A block with case (a)'s genesis fields and state root, at `number`.
    static func block(number: UInt64 = 0, stateRoot: [UInt8] = stateRoot) throws -> PinnedBlock {
        let parameters = try genesis().parameters
        return PinnedBlock(number: number, hash: blockHash, stateRoot: stateRoot, timestamp: parameters.timestamp,
                           gasLimit: parameters.gasLimit, baseFeePerGas: parameters.baseFeePerGas, extraData: parameters.extraData)
    }

    static func address(_ last: UInt8) -> Address { Address(bytes: [UInt8](repeating: 0, count: 19) + [last])! }
}

@Suite struct ExtractionTests {
    @Test func verifiesAThirdPartyStateAcrossPagesAndCounts() async throws {
        let genesis = try PipelineFixture.genesis()
        for pageSize in [1, 3, 256] {
            let source = FakeStateSource(accounts: genesis.alloc, pageSize: pageSize)
            var seen: [Address] = []
            let extractor = StateExtractor(source: source, block: try PipelineFixture.block(), concurrency: 4)
            let state = try await extractor.run { seen.append($0.address) }
            #expect(state == ExtractedState(source: "fake source", stateRoot: PipelineFixture.stateRoot, accounts: 8, contracts: 5, storageSlots: 33))
            #expect(seen == source.pages.flatMap { $0.map(\.address) })
        }
    }

    @Test func passesProgressThrough() async throws {
        let reports = Reports()
        let extractor = StateExtractor(source: FakeStateSource(accounts: try PipelineFixture.genesis().alloc, pageSize: 5),
                                       block: try PipelineFixture.block(), concurrency: 1) { reports.append($0) }
        _ = try await extractor.run { _ in }
        #expect(reports.values.map(\.accounts) == [5, 8])
    }

    @Test func wrongRootIsAVerificationErrorNamingTheRequirementsAndBothRoots() async throws {
        let genesis = try PipelineFixture.genesis()
        let source = FakeStateSource(accounts: Array(genesis.alloc.dropLast()))
        let extractor = StateExtractor(source: source, block: try PipelineFixture.block(number: 1234), concurrency: 1)
        let error = try #require(await #expect(throws: StateVerificationError.self) { try await extractor.run { _ in } })
        guard case .rootMismatch(let block, let expected, let computed, let accounts, _, let requirements) = error else {
            Issue.record("expected a root mismatch, got \(error)")
            return
        }
        #expect(block == 1234 && expected == PipelineFixture.stateRoot && accounts == 7 && requirements == source.requirements)
        #expect(computed == StateRoot.of(Array(genesis.alloc.dropLast())))
        let message = error.description
        #expect(message.contains("incomplete"))
        #expect(message.contains(Hex.encode(PipelineFixture.stateRoot)) && message.contains(Hex.encode(computed)))
        #expect(message.contains("address preimages — run the node with --keep-preimages"))
        #expect(message.contains("block 1234"))
    }

    @Test func outOfOrderAccountsAreRefused() async throws {
        let accounts = FakeStateSource(accounts: try PipelineFixture.genesis().alloc, pageSize: 100).pages[0]
        let swapped = [accounts[1], accounts[0]] + accounts[2...]
        let extractor = StateExtractor(source: FakeStateSource(pages: [Array(swapped)]), block: try PipelineFixture.block(), concurrency: 1)
        let error = await #expect(throws: StateVerificationError.self) { try await extractor.run { _ in } }
        #expect(error == .accountOutOfOrder(address: accounts[0].address, previous: accounts[1].address, source: "fake source"))
    }

    @Test func orderIsCheckedAcrossPages() async throws {
        let accounts = FakeStateSource(accounts: try PipelineFixture.genesis().alloc, pageSize: 100).pages[0]
        let pages = [Array(accounts[4...]), Array(accounts[..<4])]
        let extractor = StateExtractor(source: FakeStateSource(pages: pages), block: try PipelineFixture.block(), concurrency: 1)
        let error = await #expect(throws: StateVerificationError.self) { try await extractor.run { _ in } }
        #expect(error == .accountOutOfOrder(address: accounts[0].address, previous: accounts[7].address, source: "fake source"))
    }

    @Test func duplicatesAreRefused() async throws {
        let account = Account(address: PipelineFixture.address(1), balance: 5)
        let extractor = StateExtractor(source: FakeStateSource(pages: [[account], [account]]), block: try PipelineFixture.block(), concurrency: 1)
        let error = await #expect(throws: StateVerificationError.self) { try await extractor.run { _ in } }
        #expect(error == .duplicateAccount(account.address, source: "fake source"))
        #expect(error?.description.contains("twice") == true)
    }

    @Test func sourceAndConsumerErrorsPassThrough() async throws {
        struct Broken: Error, Equatable {}
        var source = FakeStateSource(accounts: try PipelineFixture.genesis().alloc)
        source.failure = Broken()
        await #expect(throws: Broken.self) {
            try await StateExtractor(source: source, block: try PipelineFixture.block(), concurrency: 1).run { _ in }
        }
        await #expect(throws: Broken.self) {
            try await StateExtractor(source: FakeStateSource(accounts: try PipelineFixture.genesis().alloc), block: try PipelineFixture.block(),
                                     concurrency: 1).run { _ in throw Broken() }
        }
    }

    @Test func emptyStateHasTheEmptyRoot() async throws {
        let block = try PipelineFixture.block(stateRoot: MerklePatriciaTrie.emptyRoot)
        let state = try await StateExtractor(source: FakeStateSource(pages: []), block: block, concurrency: 1).run { _ in }
        #expect(state.accounts == 0 && state.stateRoot == MerklePatriciaTrie.emptyRoot)
    }
}

/// Collects progress reports from any task.
final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [StateProgress] = []

    func append(_ report: StateProgress) {
        lock.lock()
        stored.append(report)
        lock.unlock()
    }

    var values: [StateProgress] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
