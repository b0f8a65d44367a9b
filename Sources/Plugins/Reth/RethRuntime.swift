import SnapshotKit

extension RethPlugin: RuntimeClientPlugin {
    /// Reth runs a snapshot's execution layer.
    public var runtimeEmitters: [any RuntimeEmitter] { [RethRuntimeEmitter()] }
}
