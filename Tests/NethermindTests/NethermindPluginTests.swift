import SnapshotKit
import SnapshotTestSupport
import Testing
@testable import NethermindPlugin

/// Nethermind reads with the universal source, against fake Nethermind nodes over the fixture chain.
@Suite struct NethermindPluginTests {
    typealias A = FakeTracingChain.FixtureAddress

    @Test func passesTheExecutionPluginConformanceChecks() {
        let report = ExecutionPluginConformance.check(NethermindPlugin(), clientVersion: FakeTracingNode.nethermindClientVersion, serviceName: "el-3-nethermind-lighthouse")
        #expect(report.issues.isEmpty, "\(report)")
    }

    @Test func registersUnderItsID() throws {
        let registry = try PluginRegistry([NethermindPlugin()])
        #expect(try registry.plugin(id: NethermindPlugin().id, layer: NethermindPlugin().layer).displayName == "Nethermind")
    }

    @Test func isDetectedByClientVersionAndServiceName() throws {
        let registry = try PluginRegistry([NethermindPlugin()])
        #expect(registry.detect(clientVersion: FakeTracingNode.nethermindClientVersion)?.id == "nethermind")
        #expect(registry.detect(serviceName: "el-2-nethermind-lighthouse", layer: .execution)?.id == "nethermind")
        #expect(NethermindPlugin().roles == [.stateSource, .runtime])
        #expect(NethermindPlugin().stateSourceNames == ["universal"])
    }

    @Test func makesTheUniversalSourceWithNethermindsFlags() throws {
        let node = try FakeTracingNode.nethermind(chain: .fixture())
        let source = try NethermindPlugin().makeStateSource(node.stateSourceEnvironment())
        #expect(source.name == "universal")
        let tracing = try #require(source.requirements.first { $0.id == "tracing" })
        #expect(tracing.remedy.contains("--JsonRpc.EnabledModules=eth,net,web3,debug,trace") && tracing.remedy.contains("--Pruning.Mode=None"))
        #expect(throws: UnknownStateSourceError.self) {
            try NethermindPlugin().makeStateSource(node.stateSourceEnvironment(preference: "range"))
        }
        var withoutGenesis = node.stateSourceEnvironment()
        withoutGenesis.originalGenesis = nil
        #expect(throws: UniversalSourceError.missingOriginalGenesis) { try NethermindPlugin().makeStateSource(withoutGenesis) }
    }

    /// Either trace format gives the complete state, withdrawal credits and system-contract writes included.
    @Test(arguments: TraceMethod.allCases)
    func readsTheCompleteStateWithEitherTraceFormat(_ method: TraceMethod) async throws {
        let node = try FakeTracingNode.nethermind(chain: .fixture(), traceMethods: [method])
        let head = try #require(node.chain.blocks.last)
        let read = try await ChainExtraction.run(NethermindPlugin().makeStateSources(node.stateSourceEnvironment()), at: head.pinned)
        #expect(read.state.stateRoot == head.stateRoot && read.accounts.count == head.state?.count)
        #expect(node.server.requestCount(for: method.methodName) > 0)
        let byAddress = Dictionary(uniqueKeysWithValues: read.accounts.map { ($0.address, $0) })
        #expect(byAddress[A.withdrawalOnly] == head.state?[A.withdrawalOnly], "credited by withdrawals only, in no trace")
        #expect(byAddress[FakeTracingChain.SystemAddress.beaconRoots] == head.state?[FakeTracingChain.SystemAddress.beaconRoots])
    }

    /// A node without tracing, or one that pruned the state tracing needs: the error names Nethermind's flags.
    @Test func aNodeWithoutTracingOrHistoryIsTold() async throws {
        for node in [try FakeTracingNode.nethermind(chain: .fixture(), traceMethods: []),
                     try FakeTracingNode.nethermind(chain: .fixture(), untraceableBlocks: [1])] {
            let error = await #expect(throws: UniversalSourceError.self) {
                _ = try await ChainExtraction.run(NethermindPlugin().makeStateSources(node.stateSourceEnvironment()), at: node.pinnedBlock())
            }
            #expect(error?.isIncompleteState == false)
            #expect(error?.description.contains("--Pruning.Mode=None") == true)
        }
    }
}
