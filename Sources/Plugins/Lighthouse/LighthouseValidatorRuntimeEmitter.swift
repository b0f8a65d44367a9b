import SnapshotKit

/// The `vc` service: a Lighthouse validator client on writable copies of the snapshot's keystores, with a new
/// slashing-protection database at every start (the chain is new too).
///
/// It takes no `--datadir`: Lighthouse declares `--validators-dir` and `--secrets-dir` `conflicts_with = "datadir"`
/// (`validator_client/src/cli.rs`) and exits at start when given both. With `--validators-dir` alone, the
/// slashing-protection database and `validator_definitions.yml` live in the validators dir
/// (`validator_client/src/lib.rs`: `validator_dir.join(SLASHING_PROTECTION_FILENAME)`), which `init` fills with
/// writable copies in the runtime volume.
public struct LighthouseValidatorRuntimeEmitter: RuntimeEmitter {
    public init() {}

    public let role = RuntimeRole.validator

    public func defaultImage(for snapshot: RuntimeSnapshot) throws(RuntimeError) -> String {
        try LighthouseRuntimeImage.defaultImage(for: snapshot)
    }

    public func service(_ context: RuntimeContext) -> RuntimeService {
        RuntimeService(command: [
            "lighthouse", "validator_client",
            "--testnet-dir=\(RuntimeLayout.consensusTestnet)",
            "--validators-dir=\(RuntimeLayout.validatorsCopy(of: LighthouseLayout.consensus.keystoreFolder))",
            "--secrets-dir=\(RuntimeLayout.validatorsCopy(of: LighthouseLayout.consensus.passwordFolder))",
            "--init-slashing-protection",
            "--beacon-nodes=\(RuntimePorts.beaconEndpoint)",
            "--suggested-fee-recipient=\(context.feeRecipient)",
        ])
    }
}
