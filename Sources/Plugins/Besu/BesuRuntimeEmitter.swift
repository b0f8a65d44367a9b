import SnapshotKit

/// The `el` service: Besu reading the snapshot's `el/genesis.json` (the same portable file geth reads) into an empty
/// data directory at every start, with ethereum-package's devnet flags, no peer discovery, and a Forest database (so
/// the running chain can be snapshotted again with the range source and traced from any block).
public struct BesuRuntimeEmitter: ExecutionRuntimeEmitter {
    /// Besu 26.8.0 (2026-08-18), the newest release tag of github.com/besu-eth/besu (26.8.1 was never tagged): Prague,
    /// Osaka and the BPO forks (Fusaka support since 25.11), the engine API Lighthouse v8 uses.
    public static let defaultImage = "hyperledger/besu:26.8.0"
    public static let client = "besu"

    /// The latest consensus fork whose execution side the default image supports.
    public static let latestSupportedFork = ConsensusFork.fulu

    /// The HTTP JSON-RPC namespaces a devnet user needs, and the snapshotter to snapshot the chain again: those of
    /// ethereum-package without `ADMIN` (node control) and `ENGINE` (which on this port would skip the JWT).
    static let apis = "ETH,NET,WEB3,DEBUG,TRACE,TXPOOL"

    /// The WebSocket namespaces: Besu checks no `Origin` on WebSocket upgrades, so any page in the user's browser can
    /// open this port; it gets the read-and-subscribe namespaces only.
    static let webSocketAPIs = "ETH,NET,WEB3"

    /// The `Host` names Besu answers on its user-facing ports: the host's loopback (where compose publishes them) and
    /// the compose service name. Anything else — a DNS-rebinding page's own name — is refused.
    static let allowedHosts = "localhost,127.0.0.1,\(RuntimeRole.execution.serviceName)"

    /// The `Host` names Besu answers on the engine port: the beacon node calls `http://el:8551`.
    static let engineAllowedHosts = "\(RuntimeRole.execution.serviceName),localhost,127.0.0.1"

    public init() {}

    public func service(_ context: RuntimeContext) -> RuntimeService {
        let command = [
            "--data-path=\(context.dataDirectory)",
            "--genesis-file=\(RuntimeLayout.executionGenesis)",
            "--network-id=\(context.snapshot.chainId)",
            "--sync-mode=FULL",
            "--data-storage-format=FOREST",
            // No --rpc-http-cors-origins: Besu's default is none, so a page of another origin is refused.
            "--host-allowlist=\(Self.allowedHosts)",
            "--rpc-http-enabled=true", "--rpc-http-host=0.0.0.0", "--rpc-http-port=\(RuntimePorts.executionRPC)",
            "--rpc-http-api=\(Self.apis)",
            "--rpc-ws-enabled=true", "--rpc-ws-host=0.0.0.0", "--rpc-ws-port=\(RuntimePorts.executionWebSocket)",
            "--rpc-ws-api=\(Self.webSocketAPIs)",
            "--engine-rpc-enabled=true", "--engine-rpc-port=\(RuntimePorts.engine)",
            "--engine-jwt-secret=\(RuntimeLayout.jwtSecret)", "--engine-host-allowlist=\(Self.engineAllowedHosts)",
            "--discovery-enabled=false",
        ]
        // The image's entry script re-joins the arguments into one shell string; besu itself takes them as given.
        return .execution(entrypoint: ["/opt/besu/bin/besu"], command: command, gasLimitFlag: "--target-gas-limit", context: context)
    }

    public func readmeNotes(_ context: RuntimeContext) -> [String] {
        ["""
        **besu** reads `el/genesis.json` into an empty Forest database at every start, so its genesis hash never \
        changes. Its JSON-RPC serves the `\(Self.apis)` namespaces (WebSocket: `\(Self.webSocketAPIs)`) without \
        authentication to requests addressed to `localhost`, `127.0.0.1` or `el`, with no cross-origin access for \
        web pages: keep the ports on 127.0.0.1.
        """]
    }
}
