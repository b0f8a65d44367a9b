/// How real execution clients identify themselves in a Kurtosis enclave: a `web3_clientVersion` answer of each, and
/// the name ethereum-package gives its service (`el-{index}-{el}-{cl}`). These are facts about the clients, not about
/// this tool's plugins, so the table does not change when a plugin is added; `ExecutionPluginConformance` checks
/// that a plugin detects its own client's sample, if listed, and none of the others.
public struct ExecutionClientSample: Sendable, Equatable {
    /// The plugin id a plugin for this client would have.
    public let client: String
    public let clientVersion: String
    public let serviceName: String

    public init(client: String, clientVersion: String, serviceName: String) {
        self.client = client
        self.clientVersion = clientVersion
        self.serviceName = serviceName
    }
}

extension ExecutionClientSample {
    /// geth, Besu, Nethermind, Reth and Erigon as they answer in ethereum-package devnets.
    public static let known: [ExecutionClientSample] = [
        ExecutionClientSample(client: "geth", clientVersion: "Geth/v1.16.8-stable-6a0c4f8c/linux-amd64/go1.24.1",
                              serviceName: "el-1-geth-lighthouse"),
        ExecutionClientSample(client: "besu", clientVersion: "besu/v25.11.0/linux-x86_64/openjdk-java-21",
                              serviceName: "el-2-besu-lighthouse"),
        ExecutionClientSample(client: "nethermind", clientVersion: "Nethermind/v1.35.2+faa9b9e6/linux-x64/dotnet9.0.11",
                              serviceName: "el-3-nethermind-lighthouse"),
        ExecutionClientSample(client: "reth", clientVersion: "reth/v1.9.3-27a8c0f/x86_64-unknown-linux-gnu",
                              serviceName: "el-4-reth-lighthouse"),
        ExecutionClientSample(client: "erigon", clientVersion: "erigon/3.2.2/linux-amd64/go1.24.9",
                              serviceName: "el-5-erigon-lighthouse"),
    ]
}
