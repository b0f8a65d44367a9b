import SnapshotKit

extension TemplatePlugin: RuntimeClientPlugin {
    /// Template runs a snapshot's execution layer.
    public var runtimeEmitters: [any RuntimeEmitter] { [TemplateRuntimeEmitter()] }
}
