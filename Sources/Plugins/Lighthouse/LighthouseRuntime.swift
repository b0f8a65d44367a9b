import SnapshotKit

extension LighthousePlugin: RuntimeClientPlugin {
    /// Lighthouse runs a snapshot's beacon node and validator client.
    public var runtimeEmitters: [any RuntimeEmitter] { [LighthouseBeaconRuntimeEmitter(), LighthouseValidatorRuntimeEmitter()] }
}
