import Foundation

/// The entry point the `create` pipeline calls to emit a snapshot's runtime: `docker-compose.yml`, `runtime/init.sh`,
/// `up.sh`, `down.sh` and `README.md`.
///
/// The clients come from the registry: the plugin named by ``RuntimeSnapshot/executionClient`` fills the `el` role,
/// the one named by ``RuntimeSnapshot/consensusClient`` the `cl` and `vc` roles; each must be a
/// ``RuntimeClientPlugin`` listing ``PluginRole/runtime``.
public struct RuntimeWriter: Sendable {
    public let registry: PluginRegistry

    public init(registry: PluginRegistry) {
        self.registry = registry
    }

    /// What was written.
    public struct Emission: Sendable, Equatable {
        /// The files written, relative to the folder, sorted.
        public var files: [String]
        /// The image of each client service (`metadata.runtime.{el,cl}.image`).
        public var images: [RuntimeRole: String]
        /// The host endpoints, EL JSON-RPC first.
        public var endpoints: [RuntimeEndpoint]
    }

    /// Resolves the emitters and images and builds the compose file, without writing anything.
    public func composeFile(for snapshot: RuntimeSnapshot, options: RuntimeOptions) throws(RuntimeError) -> ComposeFile {
        try validate(options)
        var entries: [ComposeFile.Entry] = []
        for role in RuntimeRole.allCases {
            let (client, emitter) = try self.emitter(for: role, snapshot: snapshot)
            let override = role == .execution ? options.executionImage : options.consensusImage
            let image: String
            if let override { image = override } else { image = try emitter.defaultImage(for: snapshot) }
            try ImageReference.requirePinned(image)
            let context = RuntimeContext(snapshot: snapshot, role: role, image: image, feeRecipient: options.feeRecipient)
            let service = emitter.service(context)
            if role != .validator, service.healthcheck == nil { throw .missingHealthcheck(client: client, role: role) }
            entries.append(ComposeFile.Entry(role: role, image: image, service: service))
        }
        let consensus = (try? registry.plugin(id: snapshot.consensusClient, layer: .consensus)) as? any ConsensusClientPlugin
        return ComposeFile(entries: entries, options: options, validatorsOwner: consensus?.consensusLayout.validatorOwner)
    }

    /// Writes the runtime files into `folder` (which must exist) and returns what was written.
    public func write(_ snapshot: RuntimeSnapshot, options: RuntimeOptions, into folder: URL) throws(RuntimeError) -> Emission {
        let compose = try composeFile(for: snapshot, options: options)
        let endpoints = RuntimeEndpoint.published(bindAddress: options.bindAddress, portOffset: options.portOffset)
        var readmeServices: [SnapshotReadme.Service] = []
        for entry in compose.entries {
            let (client, emitter) = try emitter(for: entry.role, snapshot: snapshot)
            let context = RuntimeContext(snapshot: snapshot, role: entry.role, image: entry.image, feeRecipient: options.feeRecipient)
            readmeServices.append(.init(role: entry.role, client: client, image: entry.image, notes: emitter.readmeNotes(context)))
        }
        let pairs = endpoints.map { (name: $0.name, url: $0.url) }
        let files: [(path: String, text: String, executable: Bool)] = [
            (ComposeFile.fileName, try compose.yaml(), false),
            (InitScript.path, InitScript.text, true),
            (UpScript.path, UpScript.text(
                endpoints: pairs, services: compose.entries.map(\.role.serviceName),
                genesisDelaySeconds: options.genesisDelaySeconds), true),
            (DownScript.path, DownScript.text, true),
            (SnapshotReadme.path, SnapshotReadme.text(
                snapshot: snapshot, services: readmeServices, options: options, endpoints: pairs), false),
        ]
        for file in files {
            try Self.write(file.text, to: folder.appendingPathComponent(file.path), executable: file.executable)
        }
        return Emission(
            files: files.map(\.path).sorted(),
            images: Dictionary(uniqueKeysWithValues: compose.entries.map { ($0.role, $0.image) }),
            endpoints: endpoints)
    }

    /// Checks, before anything is built, that the plugins `execution` and `consensus` exist and emit every role
    /// their layers fill.
    public func checkClients(execution: String, consensus: String) throws(RuntimeError) {
        for role in RuntimeRole.allCases {
            _ = try emitter(for: role, client: role == .execution ? execution : consensus)
        }
    }

    /// The plugin id and emitter of `role`.
    private func emitter(for role: RuntimeRole, snapshot: RuntimeSnapshot) throws(RuntimeError) -> (String, any RuntimeEmitter) {
        try emitter(for: role, client: role == .execution ? snapshot.executionClient : snapshot.consensusClient)
    }

    /// The plugin id and emitter of `role` in the plugin `id`.
    private func emitter(for role: RuntimeRole, client id: String) throws(RuntimeError) -> (String, any RuntimeEmitter) {
        let runtimeClients = registry.plugins(for: role.layer)
            .filter { $0.roles.contains(.runtime) && $0 is any RuntimeClientPlugin }.map(\.id)
        guard let plugin = try? registry.plugin(id: id, layer: role.layer), plugin.roles.contains(.runtime),
              let runtime = plugin as? any RuntimeClientPlugin
        else { throw .noRuntimeClient(id: id, layer: role.layer, runtimeClients: runtimeClients) }
        guard let emitter = runtime.runtimeEmitters.first(where: { $0.role == role }) else {
            throw .missingRole(client: plugin.id, role: role)
        }
        return (plugin.id, emitter)
    }

    private func validate(_ options: RuntimeOptions) throws(RuntimeError) {
        let highest = [RuntimePorts.executionRPC, RuntimePorts.executionWebSocket, RuntimePorts.beaconHTTP].max()!
        guard options.portOffset >= 0, highest + options.portOffset <= 65_535 else {
            throw .invalidOption(name: "port offset", reason: "\(options.portOffset) must be 0 … \(65_535 - highest)")
        }
        guard options.genesisDelaySeconds >= 0 else {
            throw .invalidOption(name: "genesis delay", reason: "\(options.genesisDelaySeconds) s is negative")
        }
        guard !options.bindAddress.isEmpty, !options.bindAddress.contains(where: { $0.isWhitespace || $0 == "/" }) else {
            throw .invalidOption(name: "bind address", reason: "'\(options.bindAddress)' is not an IP address")
        }
        guard (try? Address(hex: options.feeRecipient)) != nil else {
            throw .invalidOption(name: "fee recipient", reason: "'\(options.feeRecipient)' is not a 20-byte 0x address")
        }
        try ImageReference.requirePinned(options.initImage)
    }

    private static func write(_ text: String, to url: URL, executable: Bool) throws(RuntimeError) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: executable ? 0o755 : 0o644], ofItemAtPath: url.path)
        } catch {
            throw .unwritable(path: url.path, reason: FileErrorReason.of(error))
        }
    }
}
