import SnapshotKit

extension TekuPlugin: RuntimeClientPlugin {
    /// Teku runs a snapshot's beacon node and validator client.
    public var runtimeEmitters: [any RuntimeEmitter] { [TekuBeaconRuntimeEmitter(), TekuValidatorRuntimeEmitter()] }
}
