import SnapshotKit

extension NethermindPlugin: RuntimeClientPlugin {
    /// Nethermind runs a snapshot's execution layer.
    public var runtimeEmitters: [any RuntimeEmitter] { [NethermindRuntimeEmitter()] }
}
