import SnapshotKit

/// The Reth execution client plugin: detects Reth nodes, reads their state, and runs snapshots on Reth.
///
/// Reth cannot list its state over JSON-RPC (its range methods answer `null`, and it keeps no preimages), so the
/// state comes from the universal source: every block traced (Reth serves both `debug_traceBlockByNumber` with the
/// prestateTracer and `trace_replayBlockTransactions`), then read with `eth_getProof`.
public struct RethPlugin: ExecutionClientPlugin {
    public init() {}

    public let id = "reth"
    public let displayName = "Reth"
    public let layer = ClientLayer.execution
    /// `reth/v1.9.3-27a8c0f/x86_64-unknown-linux-gnu`; ethereum-package names the service `el-1-reth-lighthouse`.
    public let detection = ClientDetectionRules(clientVersionNames: ["reth"], serviceNameTokens: ["reth"])
    public var roles: [PluginRole] { [.stateSource, .runtime] }

    /// The window `--rpc.eth-proof-window` should open: about 42 days of 12-second blocks, and accepted by every Reth
    /// release (the flag's maximum was 302,400 before it became 1,209,600).
    static let proofWindow = 302_400

    /// What the universal source needs from a Reth node, in Reth's flags.
    static let universalOptions = UniversalStateSource.Options(
        traceMethods: [.prestateDiff, .stateDiff],
        tracingRequirement: NodeRequirement(
            id: NodeRequirement.tracing.id, summary: NodeRequirement.tracing.summary,
            remedy: "start reth with --http.api=eth,net,web3,debug,trace and as an archive node: without --full, "
                + "--minimal or --prune.* flags, which drop the history tracing replays"),
        proofRequirement: NodeRequirement(
            id: NodeRequirement.proofs.id,
            summary: "eth_getProof at the pinned block, which Reth answers only at its head unless a proof window is open",
            remedy: "start reth with --rpc.eth-proof-window=\(proofWindow) (the window must reach from the head back to "
                + "the pinned block)"))

    /// `universal`: ``UniversalStateSource`` (every block's traces, then `eth_getProof`), the only complete read Reth
    /// allows; its errors carry Reth's flags.
    public var stateSources: [StateSourceFactory] {
        [
            StateSourceFactory("universal", needsOriginalGenesis: true) { environment in
                var reth = environment
                reth.rpc = Self.withRethAdvice(environment.rpc)
                return try UniversalStateSource(reth, options: Self.universalOptions)
            },
        ]
    }

    /// `rpc`'s endpoint and settings, with Reth's flag in the advice of the errors only Reth gives.
    static func withRethAdvice(_ rpc: JSONRPCClient) -> JSONRPCClient {
        var configuration = rpc.configuration
        let previous = configuration.hint
        configuration.hint = { error in advice(for: error) ?? previous?(error) }
        return JSONRPCClient(endpoint: rpc.endpoint, configuration: configuration)
    }

    /// The advice for an `eth_getProof` refused because the block is behind the head by more than the proof window.
    static func advice(for error: JSONRPCError) -> String? {
        guard error.method.contains("eth_getProof"), case .rpc(_, let message, _) = error.failure,
              message.contains("proof window") else { return nil }
        return "reth proves only blocks within --rpc.eth-proof-window of its head (0 by default, the head alone): restart "
            + "it with --rpc.eth-proof-window=\(proofWindow), or pin the head block of a chain that no longer advances"
    }
}
