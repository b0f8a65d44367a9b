/// Why a snapshot's runtime could not be emitted. Each description is one line that says what to do.
public enum RuntimeError: Error, Equatable, CustomStringConvertible {
    /// The registry has no plugin with this id in the layer, or it cannot run snapshots.
    case noRuntimeClient(id: String, layer: ClientLayer, runtimeClients: [String])
    /// The client's plugin provides no emitter for a role it must fill.
    case missingRole(client: String, role: RuntimeRole)
    /// An image reference without a tag or digest, or tagged `latest`.
    case unpinnedImage(String)
    /// An image is not of the form `[registry[:port]/]repo[:tag][@sha256:digest]` (`reason` says which part).
    case malformedImage(String, reason: String)
    /// The client has no known image able to run this snapshot.
    case unsupportedSnapshot(client: String, reason: String)
    /// An option is out of range.
    case invalidOption(name: String, reason: String)
    /// The EL or beacon node service has no health check, so its dependents could not wait for it.
    case missingHealthcheck(client: String, role: RuntimeRole)
    /// The compose file could not be serialised.
    case composeSerialization(String)
    /// A file could not be written.
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .noRuntimeClient(let id, let layer, let clients):
            "no \(layer) client '\(id)' can run a snapshot; runtime \(layer) clients: "
                + (clients.isEmpty ? "none" : clients.joined(separator: ", "))
        case .missingRole(let client, let role):
            "the \(client) plugin emits no \(role.rawValue) service (compose service '\(role.serviceName)'); pick a client that does"
        case .unpinnedImage(let image):
            "image '\(image)' is not pinned: name a version tag or digest (e.g. repo:v1.2.3), never 'latest', so the snapshot starts the same later"
        case .malformedImage(let image, let reason):
            "image '\(image)' is not an image reference: \(reason); expected \(ImageReference.expectedForm)"
        case .unsupportedSnapshot(let client, let reason):
            "\(client) cannot run this snapshot: \(reason)"
        case .invalidOption(let name, let reason):
            "invalid \(name): \(reason)"
        case .missingHealthcheck(let client, let role):
            "the \(client) \(role.rawValue) service has no health check; the services started after it need one to wait for"
        case .composeSerialization(let reason):
            "cannot write docker-compose.yml: \(reason)"
        case .unwritable(let path, let reason):
            "cannot write \(path): \(reason)"
        }
    }
}
