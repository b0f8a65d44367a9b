import SnapshotKit

/// The `el` service: geth initialised from the snapshot's `el/genesis.json` into an empty data directory at every
/// start, then run with ethereum-package's devnet flags, no peers, and preimages recorded (so the running chain can be
/// snapshotted again with `debug_accountRange`).
public struct GethRuntimeEmitter: RuntimeEmitter {
    /// geth v1.17.5 (2026-07-27), the latest release tag: Prague, Osaka and the BPO forks (Fusaka mainnet support
    /// since v1.16.7), the engine API Lighthouse v8 uses.
    public static let defaultImage = "ethereum/client-go:v1.17.5"

    /// The latest consensus fork whose execution side the default image supports.
    public static let latestSupportedFork = ConsensusFork.fulu

    /// Every JSON-RPC namespace ethereum-package enables on geth.
    static let apis = "admin,engine,net,eth,web3,debug,txpool"

    public init() {}

    public let role = RuntimeRole.execution

    public func defaultImage(for snapshot: RuntimeSnapshot) throws(RuntimeError) -> String {
        guard snapshot.fork <= Self.latestSupportedFork else {
            throw .unsupportedSnapshot(
                client: "geth",
                reason: "its genesis is in \(snapshot.fork.rawValue), which \(Self.defaultImage) does not run; pass an image that does with --el-image")
        }
        return Self.defaultImage
    }

    public func service(_ context: RuntimeContext) -> RuntimeService {
        let dataDirectory = context.dataDirectory
        var flags = [
            "--datadir=\(dataDirectory)",
            "--networkid=\(context.snapshot.chainId)",
            "--syncmode=full",
            "--cache.preimages",
            "--http", "--http.addr=0.0.0.0", "--http.port=\(RuntimePorts.executionRPC)", "--http.vhosts=*",
            "--http.corsdomain=*", "--http.api=\(Self.apis)",
            "--ws", "--ws.addr=0.0.0.0", "--ws.port=\(RuntimePorts.executionWebSocket)", "--ws.origins=*",
            "--ws.api=\(Self.apis)",
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
        return RuntimeService(
            entrypoint: ["/bin/sh", "-c"],
            command: [script],
            snapshotFolders: ["el"],
            healthcheck: RuntimeHealthcheck(
                command: ["geth", "attach", "--exec", "eth.blockNumber", "http://127.0.0.1:\(RuntimePorts.executionRPC)"]),
            stopGracePeriodSeconds: 30)
    }

    public func readmeNotes(_ context: RuntimeContext) -> [String] {
        ["""
        **geth** is initialised from `el/genesis.json` (`geth init`) into an empty data directory at every start, so \
        its genesis hash never changes. Its JSON-RPC serves the `\(Self.apis)` namespaces without authentication, as \
        in a Kurtosis devnet: keep the ports on 127.0.0.1.
        """]
    }

    /// `text` single-quoted for sh when it holds anything but letters, digits and `-_./=,:@+`.
    static func shellQuoted(_ text: String) -> String {
        let safe = text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=,:@+".contains($0)) }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
