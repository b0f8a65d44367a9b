import SnapshotKit

/// The `cl` service: a Teku beacon node on the testnet files `init` prepared (`--network` with `config.yaml`,
/// `--genesis-state` with `genesis.ssz`), with an empty database at every start, driving the `el` service's engine
/// API, with no peers to find or wait for.
public struct TekuBeaconRuntimeEmitter: RuntimeEmitter {
    public init() {}

    public let role = RuntimeRole.beacon

    public func defaultImage(for snapshot: RuntimeSnapshot) throws(RuntimeError) -> String {
        try TekuRuntimeImage.defaultImage(for: snapshot)
    }

    public func service(_ context: RuntimeContext) -> RuntimeService {
        var command = [
            "--network=\(RuntimeLayout.consensusTestnet)/config.yaml",
            "--genesis-state=\(RuntimeLayout.consensusTestnet)/genesis.ssz",
            "--data-path=\(context.dataDirectory)",
            "--data-storage-mode=PRUNE",
            "--ee-endpoint=\(RuntimePorts.engineEndpoint)",
            "--ee-jwt-secret-file=\(RuntimeLayout.jwtSecret)",
            "--rest-api-enabled=true", "--rest-api-interface=0.0.0.0", "--rest-api-port=\(RuntimePorts.beaconHTTP)",
            // The allowlist is matched against the Host header: the validator client calls http://cl:4000.
            "--rest-api-host-allowlist=\(RuntimeRole.beacon.serviceName),localhost,127.0.0.1",
            "--p2p-enabled=true", "--p2p-discovery-enabled=false",
            // In sync at once instead of waiting 30 s for peers that never come.
            "--Xstartup-target-peer-count=0",
            "--ignore-weak-subjectivity-period-enabled=true",
            "--validators-proposer-default-fee-recipient=\(context.feeRecipient.lowercased())",
            "--log-destination=CONSOLE",
        ]
        // PeerDAS: the only node custodies every data column, so blobs stay retrievable.
        if context.snapshot.fork >= .fulu { command.append("--p2p-subscribe-all-custody-subnets-enabled=true") }
        return RuntimeService(entrypoint: [TekuRuntimeImage.program], command: command, healthcheck: Self.healthcheck)
    }

    public func readmeNotes(_ context: RuntimeContext) -> [String] {
        [TekuRuntimeImage.presetNote(context)]
    }

    /// `/eth/v1/node/health` answers 200 (in sync) or 206 (syncing) once the node serves its API and 503 before;
    /// the image has curl, whose `-f` fails on 503 only.
    static let healthcheck = RuntimeHealthcheck(command: [
        "curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:\(RuntimePorts.beaconHTTP)/eth/v1/node/health",
    ])
}
