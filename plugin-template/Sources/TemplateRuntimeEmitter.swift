import SnapshotKit

/// The `el` service: Template started from the snapshot's `el/genesis.json` in an empty data directory at every
/// start, with the JSON-RPC and engine ports the stack expects, and no peers.
public struct TemplateRuntimeEmitter: ExecutionRuntimeEmitter {
    // TEMPLATE: the client's released image, pinned to a version tag (never `latest`) that runs
    // `latestSupportedFork`; say here which release it is and why it was chosen.
    public static let defaultImage = "example/template:v0.0.0"
    public static let client = "template"

    // TEMPLATE: the latest consensus fork whose execution side the default image runs.
    /// The latest consensus fork whose execution side the default image supports.
    public static let latestSupportedFork = ConsensusFork.fulu

    // TEMPLATE: the JSON-RPC namespaces ethereum-package enables on the client, less `admin` (node control) and
    // `engine` (which on this port would skip the JWT).
    /// The HTTP JSON-RPC namespaces a devnet user needs, and the snapshotter to snapshot the chain again.
    static let apis = "eth,net,web3,debug,trace,txpool"

    // TEMPLATE: browsers apply no CORS to WebSockets: unless the client checks a WebSocket's `Origin`, serve only the
    // read-and-subscribe namespaces there.
    /// The WebSocket namespaces.
    static let webSocketAPIs = "eth,net,web3"

    public init() {}

    public func service(_ context: RuntimeContext) -> RuntimeService {
        // TEMPLATE: the client's command line (ExecutionPluginConformance checks each point):
        // - start from the genesis the core wrote, RuntimeLayout.executionGenesis. Genesis quirks: a client that needs
        //   another form converts it in a start script (entrypoint ["/bin/sh", "-c"], as GethRuntimeEmitter runs
        //   `geth init` first) into its data directory; el/genesis.json itself never changes;
        // - keep everything it writes in context.dataDirectory (emptied at every start);
        // - serve JSON-RPC on 0.0.0.0 at RuntimePorts.executionRPC (HTTP) and RuntimePorts.executionWebSocket (WS);
        // - serve the engine API on 0.0.0.0 at RuntimePorts.engine, authenticated with RuntimeLayout.jwtSecret;
        // - look for no peers; keep the snapshot's gas limit when it is known;
        // - no `*` CORS origin or host allowlist on the user-facing ports: where the client checks the Host header,
        //   allow localhost, 127.0.0.1 and RuntimeRole.execution.serviceName (docs/runtime-contract.md);
        // - record every flag in Tests/RuntimeContractTests/Fixtures/contracts/<client>.json, read at the pinned tag.
        let arguments = [
            "node",
            "--genesis=\(RuntimeLayout.executionGenesis)",
            "--datadir=\(context.dataDirectory)",
            "--http", "--http.addr=0.0.0.0", "--http.port=\(RuntimePorts.executionRPC)", "--http.api=\(Self.apis)",
            "--ws", "--ws.addr=0.0.0.0", "--ws.port=\(RuntimePorts.executionWebSocket)", "--ws.api=\(Self.webSocketAPIs)",
            "--engine.addr=0.0.0.0", "--engine.port=\(RuntimePorts.engine)", "--engine.jwt-secret=\(RuntimeLayout.jwtSecret)",
            "--no-discovery",
        ]
        // TEMPLATE: the client's binary inside the image (entrypoint) and its flag for the block gas limit.
        // The JSON-RPC health check (healthcheck:, default .executionJSONRPC) must run with a tool the image has: the
        // default needs bash and grep; geth's image has neither and passes a `geth attach` check.
        return .execution(entrypoint: ["template"], command: arguments, gasLimitFlag: "--gas-limit", context: context)
    }

    public func readmeNotes(_ context: RuntimeContext) -> [String] {
        ["""
        **template** starts from `el/genesis.json` in an empty data directory at every start, so its genesis hash \
        never changes. Its JSON-RPC serves the `\(Self.apis)` namespaces (WebSocket: `\(Self.webSocketAPIs)`) without \
        authentication, with no cross-origin access for web pages: keep the ports on 127.0.0.1.
        """]
    }
}
