import SnapshotKit

/// The `el` service: Reth started from the snapshot's `el/genesis.json` (`--chain` takes a geth-style genesis file and
/// initialises an empty data directory from it) at every start, as an archive node with ethereum-package's
/// namespaces and no peers, so the running chain can be snapshotted again.
public struct RethRuntimeEmitter: ExecutionRuntimeEmitter {
    /// Reth v2.4.1: Osaka and the BPO forks (Fusaka-ready since v1.9), the engine API Lighthouse v8 uses; the Reth
    /// release kurtosis-cdk pins beside geth v1.17.5 and Lighthouse v8.2. Its 2.x storage changes need no flag for a
    /// new data directory, and its node flags are those of 1.x.
    public static let defaultImage = "ghcr.io/paradigmxyz/reth:v2.4.1"
    public static let client = "reth"

    /// The latest consensus fork whose execution side the default image supports.
    public static let latestSupportedFork = ConsensusFork.fulu

    /// The HTTP JSON-RPC namespaces a devnet user needs, and the snapshotter to snapshot the chain again:
    /// ethereum-package's without `admin` (node control). No `--http.corsdomain`, so no page of another origin reads
    /// an answer.
    static let apis = "eth,net,web3,debug,trace,txpool"

    /// The WebSocket namespaces: Reth enforces no `Origin` on WebSocket upgrades (`--ws.origins` only sets CORS
    /// headers, which browsers ignore for WebSockets), so any page in the user's browser can open this port; it gets
    /// the read-and-subscribe namespaces only.
    static let webSocketAPIs = "eth,net,web3"

    public init() {}

    public func service(_ context: RuntimeContext) -> RuntimeService {
        let arguments = [
            "node",
            "--chain=\(RuntimeLayout.executionGenesis)",
            "--datadir=\(context.dataDirectory)",
            "--http", "--http.addr=0.0.0.0", "--http.port=\(RuntimePorts.executionRPC)", "--http.api=\(Self.apis)",
            "--ws", "--ws.addr=0.0.0.0", "--ws.port=\(RuntimePorts.executionWebSocket)", "--ws.api=\(Self.webSocketAPIs)",
            "--authrpc.addr=0.0.0.0", "--authrpc.port=\(RuntimePorts.engine)", "--authrpc.jwtsecret=\(RuntimeLayout.jwtSecret)",
            "--disable-discovery", "--max-outbound-peers=0", "--max-inbound-peers=0",
            "--rpc.eth-proof-window=\(RethPlugin.proofWindow)",
        ]
        // The image is Ubuntu with bash and grep (the JSON-RPC health check's tools) but no curl or wget.
        return .execution(entrypoint: ["reth"], command: arguments, gasLimitFlag: "--builder.gaslimit", context: context)
    }

    public func readmeNotes(_ context: RuntimeContext) -> [String] {
        ["""
        **reth** starts from `el/genesis.json` (`--chain`) in an empty data directory at every start, so its genesis \
        hash never changes. It runs as an archive node that proves blocks up to \(RethPlugin.proofWindow) blocks behind \
        its head, so the running chain can be snapshotted again. Its JSON-RPC serves the `\(Self.apis)` namespaces \
        (WebSocket: `\(Self.webSocketAPIs)`) without authentication, with no cross-origin access for web pages. Reth \
        checks no `Host` header: keep the ports on 127.0.0.1.
        """]
    }
}
