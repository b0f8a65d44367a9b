import SnapshotKit

/// The `vc` service: a Lighthouse validator client on writable copies of the snapshot's keystores, with a new
/// slashing-protection database at every start (the chain is new too).
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
            "--datadir=\(context.dataDirectory)",
            "--validators-dir=\(RuntimeLayout.validatorKeys)",
            "--secrets-dir=\(RuntimeLayout.validatorSecrets)",
            "--init-slashing-protection",
            "--beacon-nodes=\(RuntimePorts.beaconEndpoint)",
            "--suggested-fee-recipient=\(context.feeRecipient)",
        ])
    }
}
