import SnapshotKit

/// The `el` service: Besu reading the snapshot's `el/genesis.json` (the same portable file geth reads) into an empty
/// data directory at every start, with ethereum-package's devnet flags, no peer discovery, and a Forest database (so
/// the running chain can be snapshotted again with the range source and traced from any block).
public struct BesuRuntimeEmitter: RuntimeEmitter {
    /// Besu 26.8.1: Prague, Osaka and the BPO forks (Fusaka support since 25.11), the engine API Lighthouse v8 uses.
    public static let defaultImage = "hyperledger/besu:26.8.1"

    /// The latest consensus fork whose execution side the default image supports.
    public static let latestSupportedFork = ConsensusFork.fulu

    /// Every JSON-RPC namespace ethereum-package enables on Besu.
    static let apis = "ADMIN,ETH,NET,DEBUG,TXPOOL,ENGINE,TRACE,WEB3"

    public init() {}

    public let role = RuntimeRole.execution

    public func defaultImage(for snapshot: RuntimeSnapshot) throws(RuntimeError) -> String {
        guard snapshot.fork <= Self.latestSupportedFork else {
            throw .unsupportedSnapshot(
                client: "besu",
                reason: "its genesis is in \(snapshot.fork.rawValue), which \(Self.defaultImage) does not run; pass an image that does with --el-image")
        }
        return Self.defaultImage
    }

    public func service(_ context: RuntimeContext) -> RuntimeService {
        var command = [
            "--data-path=\(context.dataDirectory)",
            "--genesis-file=\(RuntimeLayout.executionGenesis)",
            "--network-id=\(context.snapshot.chainId)",
            "--sync-mode=FULL",
            "--data-storage-format=FOREST",
            "--host-allowlist=*",
            "--rpc-http-enabled=true", "--rpc-http-host=0.0.0.0", "--rpc-http-port=\(RuntimePorts.executionRPC)",
            "--rpc-http-api=\(Self.apis)", "--rpc-http-cors-origins=*",
            "--rpc-ws-enabled=true", "--rpc-ws-host=0.0.0.0", "--rpc-ws-port=\(RuntimePorts.executionWebSocket)",
            "--rpc-ws-api=\(Self.apis)",
            "--engine-rpc-enabled=true", "--engine-rpc-port=\(RuntimePorts.engine)",
            "--engine-jwt-secret=\(RuntimeLayout.jwtSecret)", "--engine-host-allowlist=*",
            "--discovery-enabled=false",
        ]
        if let gasLimit = context.snapshot.gasLimit { command.append("--target-gas-limit=\(gasLimit)") }
        return RuntimeService(
            // The image's entry script re-joins the arguments into one shell string; besu itself takes them as given.
            entrypoint: ["/opt/besu/bin/besu"],
            command: command,
            snapshotFolders: ["el"],
            healthcheck: .executionJSONRPC,
            stopGracePeriodSeconds: 30)
    }

    public func readmeNotes(_ context: RuntimeContext) -> [String] {
        ["""
        **besu** reads `el/genesis.json` into an empty Forest database at every start, so its genesis hash never \
        changes. Its JSON-RPC serves the `\(Self.apis)` namespaces without authentication, as in a Kurtosis devnet: \
        keep the ports on 127.0.0.1.
        """]
    }
}
