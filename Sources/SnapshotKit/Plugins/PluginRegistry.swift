/// The set of plugins the tool knows, and detection of a client from what an enclave shows.
public struct PluginRegistry: Sendable {
    /// Registered plugins in registration order.
    public let plugins: [any ClientPlugin]

    /// Why a plugin could not be chosen.
    public enum LookupError: Error, Equatable, CustomStringConvertible {
        case unknownClient(id: String, layer: ClientLayer, known: [String])
        case duplicateID(String)

        public var description: String {
            switch self {
            case .unknownClient(let id, let layer, let known):
                "unknown \(layer) client '\(id)'; known \(layer) plugins: \(known.isEmpty ? "none" : known.joined(separator: ", "))"
            case .duplicateID(let id):
                "two plugins registered the id '\(id)'"
            }
        }
    }

    /// Builds a registry; plugin ids must be unique.
    public init(_ plugins: [any ClientPlugin]) throws(LookupError) {
        var seen = Set<String>()
        for plugin in plugins where !seen.insert(plugin.id).inserted { throw .duplicateID(plugin.id) }
        self.plugins = plugins
    }

    /// Plugins of one layer.
    public func plugins(for layer: ClientLayer) -> [any ClientPlugin] {
        plugins.filter { $0.layer == layer }
    }

    /// The plugin with this id in this layer, or an error listing the known ones.
    public func plugin(id: String, layer: ClientLayer) throws(LookupError) -> any ClientPlugin {
        let candidates = plugins(for: layer)
        if let match = candidates.first(where: { $0.id == id.lowercased() }) { return match }
        throw .unknownClient(id: id, layer: layer, known: candidates.map(\.id))
    }

    /// The plugin of `layer` whose version name matches: an execution client's `web3_clientVersion`
    /// (`Geth/v1.16.8-stable/linux-amd64/go1.24`), a consensus client's `/eth/v1/node/version` (`teku/v26.8.0/…`).
    public func detect(clientVersion: String, layer: ClientLayer = .execution) -> (any ClientPlugin)? {
        let name = clientVersion.split(separator: "/", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        return plugins(for: layer).first { plugin in
            plugin.detection.clientVersionNames.contains { $0.lowercased() == name }
        }
    }

    /// The plugin named by a Kurtosis service name in `layer`.
    ///
    /// Names follow `el-{i}-{el}-{cl}`, `cl-{i}-{cl}-{el}` and `vc-{i}-{el}-{cl}` (the index may be zero-padded);
    /// the client of the service's own layer is the token right after the index.
    public func detect(serviceName: String, layer: ClientLayer) -> (any ClientPlugin)? {
        guard let parsed = KurtosisServiceName(serviceName) else { return nil }
        let token: String
        switch (parsed.kind, layer) {
        case (.execution, .execution), (.validator, .execution): token = parsed.firstClient
        case (.execution, .consensus), (.validator, .consensus): token = parsed.secondClient ?? ""
        case (.consensus, .consensus): token = parsed.firstClient
        case (.consensus, .execution): token = parsed.secondClient ?? ""
        }
        return plugins(for: layer).first { plugin in
            plugin.detection.serviceNameTokens.contains { $0.lowercased() == token }
        }
    }
}
