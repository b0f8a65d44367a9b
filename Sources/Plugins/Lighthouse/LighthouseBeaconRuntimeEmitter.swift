import SnapshotKit

/// The `cl` service: a Lighthouse beacon node on the testnet directory `init` prepared, with an empty database at
/// every start, driving the `el` service's engine API, with no peers to find.
public struct LighthouseBeaconRuntimeEmitter: RuntimeEmitter {
    public init() {}

    public let role = RuntimeRole.beacon

    public func defaultImage(for snapshot: RuntimeSnapshot) throws(RuntimeError) -> String {
        try LighthouseRuntimeImage.defaultImage(for: snapshot)
    }

    public func service(_ context: RuntimeContext) -> RuntimeService {
        var command = [
            "lighthouse", "beacon_node",
            "--testnet-dir=\(RuntimeLayout.consensusTestnet)",
            "--datadir=\(context.dataDirectory)",
            "--execution-endpoints=\(RuntimePorts.engineEndpoint)",
            "--jwt-secrets=\(RuntimeLayout.jwtSecret)",
            "--http", "--http-address=0.0.0.0", "--http-port=\(RuntimePorts.beaconHTTP)", "--http-allow-origin=*",
            "--suggested-fee-recipient=\(context.feeRecipient)",
            "--allow-insecure-genesis-sync",
            "--enable-private-discovery",
            "--disable-peer-scoring",
            "--disable-packet-filter",
            "--disable-upnp",
        ]
        // PeerDAS: the only node custodies every data column, so blobs stay retrievable.
        if context.snapshot.fork >= .fulu { command.append("--supernode") }
        return RuntimeService(command: command, healthcheck: Self.healthcheck)
    }

    public func readmeNotes(_ context: RuntimeContext) -> [String] {
        [LighthouseRuntimeImage.presetNote(context)]
    }

    /// `/eth/v1/node/health` answers 200 (synced) or 206 (syncing) once the node serves its API. The image has bash
    /// but neither curl nor wget, so the request goes through bash's `/dev/tcp`.
    static let healthcheck = RuntimeHealthcheck(command: [
        "bash", "-c",
        "exec 3<>/dev/tcp/127.0.0.1/\(RuntimePorts.beaconHTTP)"
            + " && printf 'GET /eth/v1/node/health HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3"
            + " && head -n 1 <&3 | grep -Eq ' 20[06] '",
    ])
}
