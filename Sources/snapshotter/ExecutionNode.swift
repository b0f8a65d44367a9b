import Foundation
import SnapshotKit

/// The execution node `create` reads from, reached and identified: its endpoint, what it says it is, and the plugin
/// that reads it.
struct ExecutionNode {
    /// The enclave it runs in, `nil` for `--rpc-url`.
    let enclave: String?
    /// The Kurtosis service, `nil` for `--rpc-url`.
    let serviceName: String?
    /// The enclave's first consensus service (for `--cl auto`), `nil` for `--rpc-url`.
    let consensusServiceName: String?
    /// That consensus service's beacon API (its `http` port), `nil` for `--rpc-url` or when it has none.
    let consensusHTTPURL: URL?
    let rpc: JSONRPCClient
    /// `web3_clientVersion`, `nil` when the node does not answer it.
    let clientVersion: String?
    let plugin: any ExecutionClientPlugin

    /// Finds the node: the enclave's first execution service, or `rpcURL`; then asks its client version and picks
    /// the plugin (`elChoice` is `auto` or a plugin id); `kurtosis` finds the enclave's node.
    static func connect(enclave: String?, kurtosis: KurtosisCLI, rpcURL: URL?, elChoice: String, concurrency: Int, rpcOptions: RPCOptions,
                        registry: PluginRegistry) async throws -> ExecutionNode {
        var serviceName: String?, consensusServiceName: String?, consensusHTTPURL: URL?
        let endpoint: URL
        if let enclave {
            let topology = try await EnclaveDiscovery(cli: kurtosis).discover(enclave)
            // Discovery guarantees at least one execution service; the first participant is the one snapshotted.
            let service = topology.executionServices[0]
            serviceName = service.name
            consensusServiceName = topology.consensusServices.first?.name
            consensusHTTPURL = topology.consensusServices.first?.httpURL
            endpoint = service.rpcURL
        } else if let rpcURL {
            endpoint = rpcURL
        } else {
            preconditionFailure("create validates that a node is named")
        }
        let rpc = JSONRPCClient(endpoint: endpoint, configuration: rpcOptions.clientConfiguration(maxConnections: max(16, concurrency)))
        let clientVersion = try await Self.clientVersion(rpc)
        let plugin = try Self.plugin(registry: registry, choice: elChoice, clientVersion: clientVersion, serviceName: serviceName)
        return ExecutionNode(enclave: enclave, serviceName: serviceName, consensusServiceName: consensusServiceName,
                             consensusHTTPURL: consensusHTTPURL, rpc: rpc,
                             clientVersion: clientVersion, plugin: plugin)
    }

    /// The node's `web3_clientVersion`, printable and at most `ExternalText.clientVersionLimit` characters (it is
    /// printed and stored in metadata.json and README.md); `nil` when the node answers the call with an error
    /// (transport failures are thrown: an unreachable node should stop the run here). An answer past 64 KiB is not
    /// read: it is no client version.
    private static func clientVersion(_ rpc: JSONRPCClient) async throws -> String? {
        let answer: JSONValue
        do {
            answer = try await rpc.call("web3_clientVersion", maxAnswerBytes: 64 << 10)
        } catch where error.rpcCode != nil {
            return nil
        }
        guard let version = answer.stringValue else { return nil }
        return ExternalText.sanitized(version, limit: ExternalText.clientVersionLimit)
    }

    /// The plugin named by `choice`, or detected from the client version, then the service name.
    static func plugin(registry: PluginRegistry, choice: String, clientVersion: String?, serviceName: String?) throws -> any ExecutionClientPlugin {
        let plugin: any ClientPlugin
        if choice.lowercased() != "auto" {
            plugin = try registry.plugin(id: choice, layer: .execution)
        } else if let detected = clientVersion.flatMap({ registry.detect(clientVersion: $0) })
                    ?? serviceName.flatMap({ registry.detect(serviceName: $0, layer: .execution) }) {
            plugin = detected
        } else {
            throw CreateError.cannotDetect(clientVersion: clientVersion, service: serviceName,
                                           known: registry.plugins(for: .execution).map(\.id))
        }
        guard let execution = plugin as? any ExecutionClientPlugin else {
            let capable = registry.plugins(for: .execution).compactMap { ($0 as? any ExecutionClientPlugin)?.id }
            throw CreateError.noStateSource(plugin: plugin.id, capable: capable)
        }
        return execution
    }

    /// Refuses genesis files of another chain than the node's (when both name a chain id).
    func checkSameChain(as genesis: GenesisFile, file: String) async throws {
        guard let expected = genesis.parameters.config.chainId,
              let answer = try? await rpc.call("eth_chainId"),
              let actual = try? Quantity.uint64(answer, field: "eth_chainId") else { return }
        if actual != expected { throw CreateError.chainMismatch(genesis: expected, node: actual, genesisFile: file) }
    }

    /// The plugin's state sources for this node, in the order to try them (`preference` is `--state-source`, `nil`
    /// for the plugin's default order).
    func stateSources(originalGenesis: GenesisFile, preference: String?) throws -> StateSourceChain {
        try plugin.makeStateSources(StateSourceEnvironment(rpc: rpc, originalGenesis: originalGenesis, preference: preference))
    }
}
