import SnapshotKit

/// Fake nodes of each execution client over a `FakeTracingChain`: the tracing node's methods (blocks, proofs, the
/// tracing calls the client offers) plus the client's own range methods and version string.
extension FakeTracingNode {
    /// `web3_clientVersion` of the fake Besu.
    public static let besuClientVersion = "besu/v26.8.1/linux-x86_64/openjdk-java-25"
    /// `web3_clientVersion` of the fake Nethermind.
    public static let nethermindClientVersion = "Nethermind/v1.39.2+9c3ba2e1/linux-x64/dotnet9.0.7"
    /// `web3_clientVersion` of the fake Reth (`reth/<version>-<sha>/<target>`).
    public static let rethClientVersion = "reth/v1.9.3-27a8c0f/x86_64-unknown-linux-gnu"

    /// A Besu node: `debug_accountRange` and `debug_storageRangeAt` as `ranges` says, both tracing calls.
    public static func besu(chain: FakeTracingChain, ranges: FakeBesuRanges,
                            traceMethods: Set<TraceMethod> = Set(TraceMethod.allCases)) throws -> FakeTracingNode {
        try FakeTracingNode(chain: chain, configuration: Configuration(
            traceMethods: traceMethods, clientVersion: besuClientVersion,
            clientMethods: { method, params, chain in try ranges.answer(method, params, chain: chain) }))
    }

    /// A Nethermind node: no range methods, the tracing calls in `traceMethods` (both by default), blocks whose state
    /// is pruned in `untraceableBlocks`.
    public static func nethermind(chain: FakeTracingChain, traceMethods: Set<TraceMethod> = Set(TraceMethod.allCases),
                                  untraceableBlocks: Set<UInt64> = []) throws -> FakeTracingNode {
        try FakeTracingNode(chain: chain, configuration: Configuration(
            traceMethods: traceMethods, untraceableBlocks: untraceableBlocks, clientVersion: nethermindClientVersion))
    }

    /// A Reth node: no range methods (Reth's answer `null`), the tracing calls in `traceMethods` (Reth serves both).
    public static func reth(chain: FakeTracingChain, traceMethods: Set<TraceMethod> = Set(TraceMethod.allCases)) throws -> FakeTracingNode {
        try FakeTracingNode(chain: chain, configuration: Configuration(traceMethods: traceMethods, clientVersion: rethClientVersion))
    }

    /// A geth node: `debug_accountRange` with the preimages `ranges` lacks, and the prestateTracer.
    public static func geth(chain: FakeTracingChain, ranges: FakeGethRanges) throws -> FakeTracingNode {
        try FakeTracingNode(chain: chain, configuration: Configuration(
            traceMethods: [.prestateDiff], clientVersion: FakeGethNode.defaultClientVersion,
            clientMethods: { method, params, chain in try ranges.answer(method, params, chain: chain) }))
    }
}

extension FakeTracingNode {
    /// The chain's original genesis as `--genesis-dir` would give it: the genesis accounts under a minimal config.
    public var originalGenesis: GenesisFile {
        let parameters = try! GenesisParameters(json: .object([
            ("config", .object([("chainId", .integer(3_151_908))])), ("gasLimit", .string("0x1c9c380")), ("difficulty", .string("0x0")),
        ]))
        return GenesisFile(parameters: parameters, alloc: chain.genesis)
    }

    /// What a plugin is given to read this node: its endpoint and the chain's original genesis.
    public func stateSourceEnvironment(preference: String? = nil) -> StateSourceEnvironment {
        StateSourceEnvironment(rpc: JSONRPCClient(endpoint: url, configuration: .init(timeout: .seconds(20), maxAttempts: 1)),
                               originalGenesis: originalGenesis, preference: preference)
    }
}

/// A state read through a chain of sources as `create` reads it — requirements checked first, then each source in
/// turn until one returns a verified state — with the accounts and the hand-overs it made.
public struct ChainExtraction: Sendable {
    public var state: ExtractedState
    /// The accounts of the successful source, in the order it gave them.
    public var accounts: [Account]
    /// Every hand-over, in order (requirement checks first).
    public var fallbacks: [StateSourceFallback]

    /// Reads the state at `block` with `sources`.
    public static func run(_ sources: StateSourceChain, at block: PinnedBlock, concurrency: Int = 4) async throws -> ChainExtraction {
        let fallbacks = LockedState<[StateSourceFallback]>([])
        let checked = try await sources.checkingRequirements(at: block) { fallback in fallbacks.withLock { $0.append(fallback) } }
        var accounts: [Account] = []
        let state = try await checked.run(onFallback: { fallback in fallbacks.withLock { $0.append(fallback) } }) { source in
            accounts = []
            return try await StateExtractor(source: source, block: block, concurrency: concurrency).run { accounts.append($0) }
        }
        return ChainExtraction(state: state, accounts: accounts, fallbacks: fallbacks.withLock { $0 })
    }
}
