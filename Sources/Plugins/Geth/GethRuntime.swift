import SnapshotKit

extension GethPlugin: RuntimeClientPlugin {
    /// geth runs a snapshot's execution layer.
    public var runtimeEmitters: [any RuntimeEmitter] { [GethRuntimeEmitter()] }
}
