import SnapshotKit

/// The `el` service: geth initialised from the snapshot's `el/genesis.json` into an empty data directory at every
/// start, then run with ethereum-package's devnet flags, no peers, and preimages recorded (so the running chain can be
/// snapshotted again with `debug_accountRange`).
public struct GethRuntimeEmitter: ExecutionRuntimeEmitter {
    /// geth v1.17.5 (2026-07-27), the latest release tag: Prague, Osaka and the BPO forks (Fusaka mainnet support
    /// since v1.16.7), the engine API Lighthouse v8 uses.
    public static let defaultImage = "ethereum/client-go:v1.17.5"
    public static let client = "geth"

    /// The latest consensus fork whose execution side the default image supports.
    public static let latestSupportedFork = ConsensusFork.fulu

    /// The JSON-RPC namespaces served over HTTP and WebSocket: what a devnet user needs (`debug` for traces and for
    /// snapshotting the running chain again with `debug_accountRange`). Not `admin`, which adds peers, starts and
    /// stops servers and exports or imports the chain; `engine` is served on the JWT-authenticated port only.
    static let apis = "eth,net,web3,txpool,debug"

    /// The `Host` names the HTTP server answers (geth answers any IP address anyway): the host's `localhost` and the
    /// service name other containers use. A DNS-rebinding page's own host name is not among them.
    static let virtualHosts = "localhost,127.0.0.1,\(RuntimeRole.execution.serviceName)"

    /// The browser origins allowed to call over HTTP (CORS) and WebSocket: pages served from this machine, on any
    /// port, never another site. geth's CORS rules take one `*` wildcard (`http://localhost:*` matches
    /// `http://localhost:3000`, not `http://localhost.example`); its WebSocket rules match any port when they name none.
    static let httpOrigins = "http://localhost,http://localhost:*,http://127.0.0.1,http://127.0.0.1:*"
    static let webSocketOrigins = "http://localhost,http://127.0.0.1"

    public init() {}

    public func service(_ context: RuntimeContext) -> RuntimeService {
        let dataDirectory = context.dataDirectory
        var flags = [
            "--datadir=\(dataDirectory)",
            "--networkid=\(context.snapshot.chainId)",
            "--syncmode=full",
            "--cache.preimages",
            "--http", "--http.addr=0.0.0.0", "--http.port=\(RuntimePorts.executionRPC)",
            "--http.vhosts=\(Self.virtualHosts)", "--http.corsdomain=\(Self.httpOrigins)", "--http.api=\(Self.apis)",
            "--ws", "--ws.addr=0.0.0.0", "--ws.port=\(RuntimePorts.executionWebSocket)",
            "--ws.origins=\(Self.webSocketOrigins)", "--ws.api=\(Self.apis)",
            "--authrpc.addr=0.0.0.0", "--authrpc.port=\(RuntimePorts.engine)", "--authrpc.vhosts=*",
            "--authrpc.jwtsecret=\(RuntimeLayout.jwtSecret)",
            "--nodiscover", "--maxpeers=0",
            "--rpc.allow-unprotected-txs",
        ]
        if let gasLimit = context.snapshot.gasLimit { flags.append("--miner.gaslimit=\(gasLimit)") }
        let script = """
            set -e
            geth init --datadir=\(dataDirectory) --cache.preimages \(RuntimeLayout.executionGenesis)
            exec geth \\
            \(flags.map { "  " + Self.shellQuoted($0) }.joined(separator: " \\\n"))

            """
        // The gas limit is among the flags of the script; the Alpine image has no bash: `geth attach` checks health.
        return .execution(
            entrypoint: ["/bin/sh", "-c"], command: [script], gasLimitFlag: nil,
            healthcheck: RuntimeHealthcheck(
                command: ["geth", "attach", "--exec", "eth.blockNumber", "http://127.0.0.1:\(RuntimePorts.executionRPC)"]),
            context: context)
    }

    public func readmeNotes(_ context: RuntimeContext) -> [String] {
        ["""
        **geth** is initialised from `el/genesis.json` (`geth init`) into an empty data directory at every start, so \
        its genesis hash never changes. Its JSON-RPC (HTTP and WebSocket) serves the `\(Self.apis)` namespaces \
        without authentication, not `admin`; it answers the host names `\(Self.virtualHosts)` and, from a browser, \
        only pages served from `localhost` or `127.0.0.1`, so another web site open in your browser cannot call it. \
        The engine API is JWT-authenticated and reachable on the compose network only. Keep the ports on 127.0.0.1.
        """]
    }

    /// `text` single-quoted for sh when it holds anything but letters, digits and `-_./=,:@+`.
    static func shellQuoted(_ text: String) -> String {
        let safe = text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=,:@+".contains($0)) }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
