import SnapshotKit

/// The `el` service: Nethermind loading the snapshot's `el/genesis.json` — the same geth-style file geth reads, which
/// Nethermind ≥ 1.31 detects by its leading `config` key — into an empty data directory at every start, with
/// ethereum-package's devnet flags, no peers, and no pruning (so the running chain can be traced from any block and
/// snapshotted again).
public struct NethermindRuntimeEmitter: ExecutionRuntimeEmitter {
    /// Nethermind 1.39.2: Prague, Osaka and the BPO forks, geth-style genesis files (EIP-7949 loader).
    public static let defaultImage = "nethermind/nethermind:1.39.2"
    public static let client = "nethermind"

    /// The latest consensus fork whose execution side the default image supports.
    public static let latestSupportedFork = ConsensusFork.fulu

    /// The JSON-RPC modules a devnet user needs, and the snapshotter to snapshot the chain again: ethereum-package's
    /// without `admin` (node control) and `consensus` (not a module Nethermind lists). The engine module is served on
    /// the engine port only, behind the JWT.
    static let modules = "eth,net,web3,subscribe,debug,trace,txpool"

    /// The origins allowed to read answers across origins, replacing Nethermind's default `*`: the host's loopback
    /// pages only, so another web page in the user's browser cannot read the node.
    static let corsOrigins = "http://localhost,http://127.0.0.1"

    /// Nethermind's `Blocks.SecondsPerSlot` default.
    static let defaultSecondsPerSlot: UInt64 = 12

    public init() {}

    public func service(_ context: RuntimeContext) -> RuntimeService {
        var command = [
            "--config=none",
            "--data-dir=\(context.dataDirectory)",
            "--Init.ChainSpecPath=\(RuntimeLayout.executionGenesis)",
            "--Init.WebSocketsEnabled=true",
            "--Init.DiscoveryEnabled=false",
            "--Init.PeerManagerEnabled=false",
            "--Pruning.Mode=None",
            "--JsonRpc.Enabled=true",
            "--JsonRpc.EnabledModules=\(Self.modules)",
            "--JsonRpc.Host=0.0.0.0",
            "--JsonRpc.Port=\(RuntimePorts.executionRPC)",
            "--JsonRpc.WebSocketsPort=\(RuntimePorts.executionWebSocket)",
            "--JsonRpc.CorsOrigins=\(Self.corsOrigins)",
            "--JsonRpc.EngineHost=0.0.0.0",
            "--JsonRpc.EnginePort=\(RuntimePorts.engine)",
            "--JsonRpc.JwtSecretFile=\(RuntimeLayout.jwtSecret)",
        ]
        // Nethermind times payload building by the slot and assumes 12 s; ethereum-package passes other slot times.
        if let seconds = context.snapshot.secondsPerSlot, seconds != Self.defaultSecondsPerSlot {
            command.append("--Blocks.SecondsPerSlot=\(seconds)")
        }
        // The image's own entrypoint (`./nethermind` in its working directory /nethermind), named in full so the
        // command line says which program reads these flags.
        return .execution(
            entrypoint: ["/nethermind/nethermind"], command: command, gasLimitFlag: "--Blocks.TargetBlockGasLimit",
            context: context)
    }

    public func readmeNotes(_ context: RuntimeContext) -> [String] {
        ["""
        **nethermind** loads `el/genesis.json` (a geth-style genesis, which Nethermind 1.31 and later read directly) \
        into an empty, unpruned database at every start, so its genesis hash never changes. Its JSON-RPC serves the \
        `\(Self.modules)` modules without authentication, with no cross-origin access for web pages. Nethermind checks \
        no `Host` header: keep the ports on 127.0.0.1.
        """]
    }
}
