import Foundation
import SnapshotKit
import Testing

/// The hand-over between a plugin's state sources: only an incomplete-state error moves on, and the genesis is
/// written anew from the source that reads the complete state.
@Suite struct StateSourceChainTests {
    /// An incomplete-state error, as a source declares one.
    struct Incomplete: StateCompletenessError, CustomStringConvertible {
        var isIncompleteState: Bool { true }
        var description: String { "the node has no preimage of 0x…" }
    }

    /// A set-up error (a disabled API): no other source should be tried.
    struct Disabled: StateCompletenessError, CustomStringConvertible {
        var isIncompleteState: Bool { false }
        var description: String { "start the node with the debug API" }
    }

    /// A source whose requirement check fails with `checkFailure`, and that counts its checks.
    struct CheckingSource: StateSource {
        var base: FakeStateSource
        var checkFailure: (any Error & Sendable)?
        let checks = Counter()

        var name: String { base.name }
        var title: String { base.name + " (title)" }
        var requirements: [NodeRequirement] { base.requirements }
        func checkRequirements(at block: PinnedBlock) async throws {
            checks.increment()
            if let checkFailure { throw checkFailure }
        }
        func accountPages(_ context: StateSourceContext) -> AsyncThrowingStream<[Account], any Error> { base.accountPages(context) }
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func increment() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    static func source(_ name: String, accounts: [Account], checkFailure: (any Error & Sendable)? = nil) -> CheckingSource {
        var base = FakeStateSource(accounts: accounts)
        base.name = name
        return CheckingSource(base: base, checkFailure: checkFailure)
    }

    @Test func requirementChecksSkipOnlyIncompleteSources() async throws {
        let accounts = try PipelineFixture.genesis().alloc
        let block = try PipelineFixture.block()
        var heard: [StateSourceFallback] = []
        let first = Self.source("first", accounts: accounts, checkFailure: Incomplete())
        let second = Self.source("second", accounts: accounts)
        let checked = try await StateSourceChain([first, second]).checkingRequirements(at: block) { heard.append($0) }
        #expect(checked.sources.map(\.name) == ["second"])
        #expect(heard == [StateSourceFallback(from: "first (title)", to: "second (title)", reason: "the node has no preimage of 0x…")])
        #expect(heard.first?.message == "first (title) was incomplete (the node has no preimage of 0x…); falling back to the second (title) source")

        let disabled = Self.source("first", accounts: accounts, checkFailure: Disabled())
        let untouched = Self.source("second", accounts: accounts)
        await #expect(throws: Disabled.self) {
            _ = try await StateSourceChain([disabled, untouched]).checkingRequirements(at: block) { _ in Issue.record("no fallback") }
        }
        #expect(untouched.checks.value == 0)
        await #expect(throws: Incomplete.self) {
            _ = try await StateSourceChain([first]).checkingRequirements(at: block) { _ in Issue.record("nowhere to fall back to") }
        }
    }

    /// The first source reads part of the state and fails the root check: the genesis is written again, whole, from
    /// the second, and nothing of the first remains.
    @Test func theGenesisIsWrittenAnewFromTheNextSource() async throws {
        let accounts = try PipelineFixture.genesis().alloc
        let block = try PipelineFixture.block()
        let partial = Self.source("partial", accounts: Array(accounts.dropFirst()))
        let complete = Self.source("complete", accounts: accounts)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("genesis.json")
        let builder = ELGenesisBuilder(sourceGenesis: try PipelineFixture.genesis().parameters, block: block)
        var heard: [StateSourceFallback] = []
        let result = try await StateSourceChain([partial, complete]).run(onFallback: { heard.append($0) }) { source in
            try await builder.write(StateExtractor(source: source, block: block, concurrency: 1), to: url)
        }
        #expect(result.state.source == "complete" && result.state.accounts == accounts.count)
        #expect(try GenesisFile(contentsOf: url).stateRoot() == PipelineFixture.stateRoot)
        #expect(try GenesisFile(contentsOf: url).header().hash() == PipelineFixture.blockHash, "case (a)'s third-party genesis hash")
        #expect(heard.count == 1 && heard[0].from == "partial (title)" && heard[0].reason.hasPrefix("the extracted state is incomplete"))
    }

    /// The last source's incomplete state, and any other error, is the run's error: no snapshot of a failed state.
    @Test func theLastFailureAndOtherErrorsAreThrown() async throws {
        let accounts = try PipelineFixture.genesis().alloc
        let block = try PipelineFixture.block()
        let chain = StateSourceChain([Self.source("a", accounts: Array(accounts.dropFirst())), Self.source("b", accounts: Array(accounts.dropLast()))])
        var heard = 0
        await #expect(throws: StateVerificationError.self) {
            _ = try await chain.run(onFallback: { _ in heard += 1 }) { source in
                try await StateExtractor(source: source, block: block, concurrency: 1).run { _ in }
            }
        }
        #expect(heard == 1)
        await #expect(throws: Disabled.self) {
            _ = try await chain.run(onFallback: { _ in Issue.record("no fallback") }) { _ in throw Disabled() }
        }
        #expect(StateSourceChain.meansIncompleteState(Incomplete()) && !StateSourceChain.meansIncompleteState(Disabled()))
        #expect(!StateSourceChain.meansIncompleteState(CancellationError()))
    }
}
