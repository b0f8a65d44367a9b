import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing
@testable import RethPlugin

/// The Reth plugin: the shared conformance checks, then what is particular to Reth.
@Suite struct RethPluginTests {
    /// What reth v1.9.3 answers to `web3_clientVersion` (`reth/<version>-<sha>/<target>`), and ethereum-package's name
    /// for its service.
    static let clientVersion = FakeTracingNode.rethClientVersion
    static let serviceName = "el-1-reth-lighthouse"

    @Test func passesTheExecutionPluginConformanceChecks() {
        let report = ExecutionPluginConformance.check(RethPlugin(), clientVersion: Self.clientVersion, serviceName: Self.serviceName)
        #expect(report.issues.isEmpty, "\(report)")
    }

    @Test func isDetectedAndReadsWithTheUniversalSource() throws {
        let registry = try PluginRegistry([RethPlugin()])
        let plugin = try #require(registry.detect(clientVersion: Self.clientVersion) as? any ExecutionClientPlugin)
        #expect(registry.detect(clientVersion: "reth/v2.4.1-0e3c1f9/aarch64-unknown-linux-gnu")?.id == "reth")
        #expect(registry.detect(serviceName: "el-02-reth-prysm", layer: .execution)?.id == "reth")
        #expect(plugin.stateSourceNames == ["universal"])
        let source = try plugin.makeStateSource(.offline(preference: nil))
        let universal = try #require(source as? UniversalStateSource)
        #expect(universal.options.traceMethods == [.prestateDiff, .stateDiff])
        #expect(source.requirements.map(\.id) == ["original-genesis", "tracing", "proofs"])
        let tracing = try #require(source.requirements.first { $0.id == "tracing" })
        #expect(tracing.remedy.contains("--http.api=eth,net,web3,debug,trace") && tracing.remedy.contains("without --full"))
        let proofs = try #require(source.requirements.first { $0.id == "proofs" })
        #expect(proofs.remedy.contains("--rpc.eth-proof-window=302400"))
        #expect(throws: UnknownStateSourceError(plugin: "reth", name: "range", known: ["universal"])) {
            try plugin.makeStateSource(.offline(preference: "range"))
        }
    }

    /// The whole state of a fake Reth node, read through the plugin with each tracing call Reth serves, is the node's
    /// state at the pinned block.
    @Test(arguments: [TraceMethod.prestateDiff, .stateDiff])
    func readsTheCompleteStateOfANode(_ method: TraceMethod) async throws {
        let chain = FakeTracingChain.fixture()
        let node = try FakeTracingNode.reth(chain: chain, traceMethods: [method])
        let source = try RethPlugin().makeStateSource(node.stateSourceEnvironment())
        var accounts: [Account] = []
        let extracted = try await StateExtractor(source: source, block: node.pinnedBlock(), concurrency: 4).run { accounts.append($0) }
        #expect(extracted.stateRoot == node.pinnedBlock().stateRoot)
        #expect(Set(accounts.map(\.address)) == Set(try #require(chain.blocks.last?.state).keys))
        #expect(node.server.requestCount(for: method.methodName) == chain.blocks.count, "block 1 probed, then blocks 1…N traced")
    }

    /// Reth refuses `eth_getProof` behind its head by default; the error names the flag that opens the window.
    @Test func proofWindowRefusalNamesTheFlag() async throws {
        let server = try JSONRPCTestServer { method, _ in
            guard method == "eth_getProof" else { return .null }
            throw JSONRPCTestServer.RPCFailure(code: -32602, message: "distance to target block exceeds maximum proof window")
        }
        let rpc = RethPlugin.withRethAdvice(JSONRPCClient(endpoint: server.url, configuration: .init(maxAttempts: 1)))
        let error = await #expect(throws: JSONRPCError.self) {
            try await rpc.call("eth_getProof", params: [.string(Address.zero.description), .array([]), .string("0x1")])
        }
        #expect(error?.description.hasSuffix(
            "— reth proves only blocks within --rpc.eth-proof-window of its head (0 by default, the head alone): restart it "
                + "with --rpc.eth-proof-window=302400, or pin the head block of a chain that no longer advances") == true,
                "\(String(describing: error))")
        let other = RethPlugin.advice(for: JSONRPCError(
            method: "eth_getProof", endpoint: server.url, failure: .rpc(code: -32602, message: "invalid argument 1", data: nil)))
        #expect(other == nil, "other refusals keep the generic advice")
    }
}
