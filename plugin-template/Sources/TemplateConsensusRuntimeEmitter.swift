import SnapshotKit

/// The `cl` service (Template's beacon node) and the `vc` service (its validator client).
///
/// TEMPLATE: write one emitter per role when the two command lines differ much (see Sources/Plugins/Teku).
public struct TemplateConsensusRuntimeEmitter: RuntimeEmitter {
    // TEMPLATE: the client's released image, pinned to a version tag that runs `latestSupportedFork` and both the
    // mainnet and minimal presets (say here how the image takes the preset).
    public static let defaultImage = "example/template-cl:v0.0.0"
    // TEMPLATE: the latest consensus fork the default image runs.
    public static let latestSupportedFork = ConsensusFork.fulu

    public let role: RuntimeRole

    public init(role: RuntimeRole) {
        self.role = role
    }

    public func defaultImage(for snapshot: RuntimeSnapshot) throws(RuntimeError) -> String {
        guard snapshot.fork <= Self.latestSupportedFork else {
            throw .unsupportedSnapshot(
                client: "template",
                reason: "its genesis is in \(snapshot.fork.rawValue), which \(Self.defaultImage) does not run; pass an image that does with --cl-image")
        }
        return Self.defaultImage
    }

    public func service(_ context: RuntimeContext) -> RuntimeService {
        // TEMPLATE: the client's command lines (ConsensusPluginConformance checks the keys and that the snapshot
        // verifies):
        // - the network: RuntimeLayout.consensusTestnet holds config.yaml and genesis.ssz with this start's genesis time;
        // - the beacon node: data in context.dataDirectory, the engine at RuntimePorts.engineEndpoint with
        //   RuntimeLayout.jwtSecret, its HTTP API on 0.0.0.0 at RuntimePorts.beaconHTTP (allow the host
        //   RuntimeRole.beacon.serviceName if it checks the Host header), no peers to find or wait for, and a health check;
        // - the validator client: RuntimePorts.beaconEndpoint, the keys' runtime copies
        //   (RuntimeLayout.validatorsCopy(of: layout.keystoreFolder)), context.feeRecipient;
        // - record every flag in Tests/RuntimeContractTests/Fixtures/contracts/<client>.json, read at the pinned tag.
        let layout = TemplateConsensusPlugin().consensusLayout
        switch role {
        case .validator:
            return RuntimeService(command: [
                "template", "validator",
                "--network=\(RuntimeLayout.consensusTestnet)/config.yaml",
                "--beacon-node=\(RuntimePorts.beaconEndpoint)",
                "--keys=\(RuntimeLayout.validatorsCopy(of: layout.keystoreFolder))",
                "--passwords=\(RuntimeLayout.validatorsCopy(of: layout.passwordFolder))",
                "--fee-recipient=\(context.feeRecipient)",
            ])
        default:
            return RuntimeService(
                command: [
                    "template", "beacon",
                    "--network=\(RuntimeLayout.consensusTestnet)/config.yaml",
                    "--genesis-state=\(RuntimeLayout.consensusTestnet)/genesis.ssz",
                    "--datadir=\(context.dataDirectory)",
                    "--engine=\(RuntimePorts.engineEndpoint)", "--jwt=\(RuntimeLayout.jwtSecret)",
                    "--http-address=0.0.0.0", "--http-port=\(RuntimePorts.beaconHTTP)",
                ],
                // TEMPLATE: a health check with a program the image contains (curl, wget or bash's /dev/tcp).
                healthcheck: RuntimeHealthcheck(command: [
                    "curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:\(RuntimePorts.beaconHTTP)/eth/v1/node/health",
                ]))
        }
    }
}
