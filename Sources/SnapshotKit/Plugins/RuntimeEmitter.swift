/// Defines one client service of a snapshot's stack: the geth EL, the Lighthouse beacon node, the Lighthouse
/// validator client…
///
/// An emitter knows its client's flags and image; the core knows the stack (``RuntimeLayout``, ``RuntimePorts``,
/// the order `init` → `el` → `cl` → `vc`) and assembles the compose file from the emitters' services.
public protocol RuntimeEmitter: Sendable {
    /// The role this emitter fills.
    var role: RuntimeRole { get }
    /// The pinned image to run when the user names none. Throws when no known image of this client can run the
    /// snapshot (an unsupported fork or preset), saying which image would.
    func defaultImage(for snapshot: RuntimeSnapshot) throws(RuntimeError) -> String
    /// The service definition.
    func service(_ context: RuntimeContext) -> RuntimeService
    /// Facts for the snapshot's README about this service and its image (one Markdown paragraph each), e.g. a
    /// preset caveat.
    func readmeNotes(_ context: RuntimeContext) -> [String]
}

extension RuntimeEmitter {
    public func readmeNotes(_ context: RuntimeContext) -> [String] { [] }
}

/// A client plugin that can run a snapshot: it provides the emitters of the roles it fills (an execution client:
/// ``RuntimeRole/execution``; a consensus client: ``RuntimeRole/beacon`` and ``RuntimeRole/validator``). Such a
/// plugin lists ``PluginRole/runtime`` among its roles.
public protocol RuntimeClientPlugin: ClientPlugin {
    /// One emitter per role the client fills.
    var runtimeEmitters: [any RuntimeEmitter] { get }
}
