import SnapshotKit

extension BesuPlugin: RuntimeClientPlugin {
    /// Besu runs a snapshot's execution layer.
    public var runtimeEmitters: [any RuntimeEmitter] { [BesuRuntimeEmitter()] }
}
