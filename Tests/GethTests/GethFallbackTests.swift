import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing
@testable import GethPlugin

/// geth's sources in order: `debug_accountRange` when the node has preimages, the universal source when the range
/// comes back incomplete, against a fake geth over the fixture chain (transfers, contract creation, storage writes
/// and clears, a self-destruct, withdrawals, system-contract writes no trace shows).
@Suite struct GethFallbackTests {
    typealias A = FakeTracingChain.FixtureAddress

    @Test func offersTheRangeSourceThenTheUniversalOne() throws {
        let node = try FakeTracingNode.geth(chain: .fixture(), ranges: .init())
        #expect(try GethPlugin().makeStateSources(node.stateSourceEnvironment()).sources.map(\.name) == ["debug_accountRange", "universal"])
        #expect(try GethPlugin().makeStateSources(node.stateSourceEnvironment(preference: "universal")).sources.map(\.title)
                == ["universal (trace + proof)"])
        let universal = try GethPlugin().makeStateSource(node.stateSourceEnvironment(preference: "universal"))
        #expect(universal.requirements.first { $0.id == "tracing" }?.remedy.contains("--gcmode=archive") == true)
    }

    /// With every preimage, the range source reads the state and nothing is traced. (The first account in hashed
    /// order is a contract: the requirement check, which asks without code and storage, must not take that for a
    /// missing code.)
    @Test func withPreimagesTheRangeReadsTheState() async throws {
        let node = try FakeTracingNode.geth(chain: .fixture(), ranges: .init())
        let head = node.pinnedBlock()
        let read = try await ChainExtraction.run(GethPlugin().makeStateSources(node.stateSourceEnvironment()), at: head)
        #expect(read.state.source == "debug_accountRange" && read.state.stateRoot == head.stateRoot && read.fallbacks.isEmpty,
                "\(read.fallbacks)")
        #expect(node.server.requestCount(for: "debug_traceBlockByNumber") == 0)
    }

    /// Without an account's preimage (found while reading pages, after the first) or a slot's (its storage does
    /// not rebuild its root), the universal source takes over and reads the whole state, withdrawals included.
    @Test(arguments: [
        FakeGethRanges(missingAccountPreimages: [A.latecomer]),
        FakeGethRanges(missingStoragePreimages: [UInt256(5).bigEndianBytes]),
    ])
    func withoutPreimagesTheUniversalSourceTakesOver(_ ranges: FakeGethRanges) async throws {
        let node = try FakeTracingNode.geth(chain: .fixture(), ranges: ranges)
        let head = try #require(node.chain.blocks.last)
        let read = try await ChainExtraction.run(GethPlugin().makeStateSources(node.stateSourceEnvironment()), at: head.pinned, concurrency: 4)
        #expect(read.state.source == "universal" && read.state.stateRoot == head.stateRoot)
        #expect(read.accounts.count == head.state?.count)
        #expect(read.accounts.contains { $0.address == A.withdrawalOnly }, "credited by withdrawals only")
        let fallback = try #require(read.fallbacks.first)
        #expect(read.fallbacks.count == 1 && fallback.from == "debug_accountRange" && fallback.to == "universal (trace + proof)")
        #expect(fallback.message.hasPrefix("debug_accountRange was incomplete (") && fallback.message.contains("preimage"))
        #expect(fallback.message.hasSuffix("); falling back to the universal (trace + proof) source"))
    }

    /// `--state-source range` forces the range: the incomplete state is an error, never a snapshot.
    @Test func theForcedRangeFailsWithoutPreimages() async throws {
        let node = try FakeTracingNode.geth(chain: .fixture(), ranges: .init(missingAccountPreimages: [A.latecomer]))
        await #expect { _ = try await ChainExtraction.run(GethPlugin().makeStateSources(node.stateSourceEnvironment(preference: "range")),
                                                          at: node.pinnedBlock()) }
            throws: { ($0 as? AccountRangeError)?.isIncompleteState == true }
    }

    /// A geth without preimages and without the debug tracer: the fallback is told, then the missing feature.
    @Test func withoutTracingTheFallbackEndsInAClearError() async throws {
        let node = try FakeTracingNode(chain: .fixture(), configuration: .init(
            traceMethods: [], clientVersion: FakeGethNode.defaultClientVersion,
            clientMethods: { method, params, chain in
                try FakeGethRanges(missingAccountPreimages: [A.alice]).answer(method, params, chain: chain)
            }))
        let error = await #expect(throws: UniversalSourceError.self) {
            _ = try await ChainExtraction.run(GethPlugin().makeStateSources(node.stateSourceEnvironment()), at: node.pinnedBlock())
        }
        #expect(error?.description.contains("--http.api=eth,net,web3,debug and --gcmode=archive") == true)
    }
}
