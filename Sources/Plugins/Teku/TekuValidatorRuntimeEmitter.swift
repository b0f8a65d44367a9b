import SnapshotKit

/// The `vc` service: a Teku validator client on the copies `init` made of the snapshot's keystores
/// (`--validator-keys=<keystores>:<passwords>`, writable for Teku's lock files), with a new slashing-protection
/// database at every start in its empty data directory (the chain is new too).
public struct TekuValidatorRuntimeEmitter: RuntimeEmitter {
    public init() {}

    public let role = RuntimeRole.validator

    public func defaultImage(for snapshot: RuntimeSnapshot) throws(RuntimeError) -> String {
        try TekuRuntimeImage.defaultImage(for: snapshot)
    }

    public func service(_ context: RuntimeContext) -> RuntimeService {
        RuntimeService(entrypoint: [TekuRuntimeImage.program], command: [
            "validator-client",
            "--network=\(RuntimeLayout.consensusTestnet)/config.yaml",
            "--beacon-node-api-endpoint=\(RuntimePorts.beaconEndpoint)",
            "--data-path=\(context.dataDirectory)",
            "--validator-keys=\(TekuLayout.validatorKeys)",
            "--validators-proposer-default-fee-recipient=\(context.feeRecipient.lowercased())",
            "--log-destination=CONSOLE",
        ])
    }
}
