import Foundation
import Testing
import SnapshotKit
import SnapshotTestSupport

/// `KurtosisCLI` and `EnclaveDiscovery` running a stub `kurtosis` that answers with recorded output.
@Suite struct KurtosisDiscoveryTests {
    typealias Rule = StubKurtosis.Rule

    /// What a Kurtosis CLI before 1.7 answers to `-o json`.
    static let noJSONFlag = "Error: unknown shorthand flag: 'o' in -o\nUsage:\n  kurtosis service inspect [flags] enclave service\n"

    /// The answers of a healthy `devnet` enclave; `inspect` replaces the enclave inspection.
    static func devnetRules(inspect: String = "enclave-inspect-devnet.txt") throws -> [Rule] {
        [
            Rule(["enclave", "ls"], stdout: try KurtosisFixtures.text("enclave-ls.txt")),
            Rule(["enclave", "inspect", "--", "devnet"], stdout: try KurtosisFixtures.text(inspect)),
            Rule(["service", "inspect", "-o", "json", "--", "devnet", "el-1-geth-lighthouse"],
                 stdout: try KurtosisFixtures.text("service-inspect-el-1-geth-lighthouse.json")),
            Rule(["service", "inspect", "-o", "json", "--", "devnet", "cl-1-lighthouse-geth"],
                 stdout: try KurtosisFixtures.text("service-inspect-cl-1-lighthouse-geth.json")),
            // The other services take the text fallback, as with an older CLI.
            Rule(["service", "inspect", "-o", "json", "--", "devnet", "*"], stderr: noJSONFlag, exitCode: 1),
            Rule(["port", "print", "--", "devnet", "el-1-geth-lighthouse", "rpc"], stdout: "127.0.0.1:32771\n"),
            Rule(["port", "print", "--", "devnet", "el-2-erigon-lighthouse", "ws-rpc"], stdout: "127.0.0.1:32781\n"),
            Rule(["port", "print", "--", "devnet", "cl-1-lighthouse-geth", "http"], stdout: "http://127.0.0.1:32776\n"),
            Rule(["port", "print", "--", "devnet", "cl-2-lighthouse-erigon", "http"], stdout: "http://127.0.0.1:32786\n"),
        ]
    }

    static func discovery(_ stub: StubKurtosis) -> EnclaveDiscovery {
        EnclaveDiscovery(cli: KurtosisCLI(environment: stub.environment, timeout: .seconds(30)))
    }

    @Test func findsTheTopology() async throws {
        let stub = try StubKurtosis(try Self.devnetRules())
        defer { stub.remove() }
        let topology = try await Self.discovery(stub).discover("devnet")

        #expect(topology.enclave.name == "devnet")
        #expect(topology.enclave.uuid == "b9d8a5bd4d6e")
        #expect(topology.filesArtifacts.contains(EnclaveDiscovery.genesisArtifact))
        #expect(topology.otherServices == ["dora", "validator-key-generation-cl-validator-keystore"])

        #expect(topology.executionServices.count == 2)
        let geth = topology.executionServices[0]
        #expect(geth.name == "el-1-geth-lighthouse")
        #expect(geth.index == 1)
        #expect(geth.client == "geth")
        #expect(geth.pairedClient == "lighthouse")
        #expect(geth.image == "ethereum/client-go:v1.16.8")
        #expect(geth.rpcURL.absoluteString == "http://127.0.0.1:32771")
        #expect(geth.rpcPortID == "rpc")
        #expect(geth.enginePort == 8551)
        #expect(geth.ports.count == 6)

        let erigon = topology.executionServices[1]
        #expect(erigon.client == "erigon")
        #expect(erigon.rpcPortID == "ws-rpc")
        #expect(erigon.rpcURL.absoluteString == "http://127.0.0.1:32781")
        #expect(erigon.image == nil)
        #expect(erigon.enginePort == 8551)

        #expect(topology.consensusServices.map(\.client) == ["lighthouse", "lighthouse"])
        #expect(topology.consensusServices.map(\.pairedClient) == ["geth", "erigon"])
        #expect(topology.consensusServices.map { $0.httpURL?.absoluteString } == ["http://127.0.0.1:32776", "http://127.0.0.1:32786"])
        #expect(topology.consensusServices[0].image == "sigp/lighthouse:v8.0.1")

        #expect(topology.validatorServices.map(\.name) == ["vc-1-geth-lighthouse", "vc-2-erigon-lighthouse"])
        #expect(topology.validatorServices.map(\.client) == ["lighthouse", "lighthouse"])
        #expect(topology.validatorServices.map(\.executionClient) == ["geth", "erigon"])

        #expect(stub.calls.first == "enclave ls")
        #expect(stub.calls.contains("port print -- devnet el-2-erigon-lighthouse ws-rpc"))
    }

    @Test func findsTheEnclaveByUUID() async throws {
        let stub = try StubKurtosis(try Self.devnetRules())
        defer { stub.remove() }
        #expect(try await Self.discovery(stub).discover("b9d8a5bd4d6e").enclave.name == "devnet")
    }

    @Test func olderCLIWithoutJSONUsesTheTables() async throws {
        var rules = try Self.devnetRules()
        rules.removeAll { $0.arguments.starts(with: ["service", "inspect"]) && $0.arguments.last != "*" }
        let stub = try StubKurtosis(rules)
        defer { stub.remove() }
        let topology = try await Self.discovery(stub).discover("devnet")
        #expect(topology.executionServices.map(\.image) == [nil, nil])
        #expect(topology.executionServices[0].ports.first == KurtosisPort(id: "engine-rpc", number: 8551, publicHost: "127.0.0.1", publicPort: 32773))
        #expect(topology.executionServices.map(\.rpcURL.absoluteString) == ["http://127.0.0.1:32771", "http://127.0.0.1:32781"])
    }

    /// A name that is no Kurtosis name never reaches the CLI, where a leading `-` would be read as an option.
    @Test(arguments: ["--help", "-v", "", "dev net", "dev/net", String(repeating: "e", count: 65)])
    func namesKurtosisDoesNotAllowAreRefusedBeforeAnyCall(_ name: String) async throws {
        let stub = try StubKurtosis(try Self.devnetRules())
        defer { stub.remove() }
        await #expect(throws: KurtosisError.invalidEnclaveName(name)) { try await Self.discovery(stub).discover(name) }
        #expect(stub.calls.isEmpty)
        #expect(KurtosisCLI.isEnclaveIdentifier("devnet") && KurtosisCLI.isEnclaveIdentifier("b9d8a5bd4d6e"))
    }

    @Test func zeroPaddedIndicesAndStoppedServices() async throws {
        let stub = try StubKurtosis([
            Rule(["enclave", "ls"], stdout: "UUID           Name     Status    Creation Time\n5a6b7c8d9e0f   padded   RUNNING   Tue, 03 Feb 2026 10:12:44 CET\n"),
            Rule(["enclave", "inspect", "--", "padded"], stdout: try KurtosisFixtures.text("enclave-inspect-padded.txt")),
            Rule(["service", "inspect", "*"], stderr: Self.noJSONFlag, exitCode: 1),
            Rule(["port", "print", "--", "padded", "el-01-besu-teku", "rpc"], stdout: "127.0.0.1:33005"),
            Rule(["port", "print", "--", "padded", "cl-01-teku-besu", "http"], stdout: "http://127.0.0.1:33001"),
        ])
        defer { stub.remove() }
        let topology = try await Self.discovery(stub).discover("padded")
        #expect(topology.executionServices.map(\.name) == ["el-01-besu-teku"])
        #expect(topology.executionServices.first?.index == 1)
        #expect(topology.executionServices.first?.client == "besu")
        #expect(topology.consensusServices.first?.client == "teku")
        #expect(topology.consensusServices.first?.httpURL?.absoluteString == "http://127.0.0.1:33001")
        #expect(topology.otherServices == ["el-10-nethermind-teku"])
    }

    @Test func downloadsFilesIntoAFolderWhoseParentIsMissing() async throws {
        let source = FileManager.default.temporaryDirectory.appendingPathComponent("genesis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try #"{"config":{"chainId":3151908}}"#.write(to: source.appendingPathComponent("genesis.json"), atomically: true, encoding: .utf8)
        try "PRESET_BASE: minimal\n".write(to: source.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
        let stub = try StubKurtosis([.filesDownload(enclave: "devnet", artifact: "el_cl_genesis_data", copying: source)])
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("download-\(UUID().uuidString)")
        defer { for folder in [source, stub.folder, target] { try? FileManager.default.removeItem(at: folder) } }

        let destination = target.appendingPathComponent("nested/el_cl_genesis_data")
        try await KurtosisCLI(environment: stub.environment).downloadFiles(enclave: "devnet", artifact: EnclaveDiscovery.genesisArtifact, to: destination)
        #expect(try String(contentsOf: destination.appendingPathComponent("genesis.json"), encoding: .utf8) == #"{"config":{"chainId":3151908}}"#)
        #expect(FileManager.default.fileExists(atPath: destination.appendingPathComponent("config.yaml").path))
        #expect(stub.calls == ["files download -- devnet el_cl_genesis_data \(destination.path)"])
    }

    // MARK: - Errors

    @Test func kurtosisNotInstalled() async throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("no-kurtosis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let discovery = EnclaveDiscovery(cli: KurtosisCLI(environment: ["PATH": empty.path]))
        let error = await #expect(throws: KurtosisError.self) { try await discovery.discover("devnet") }
        #expect(error == .notInstalled)
        #expect(error?.description == "kurtosis not found on PATH — install the Kurtosis CLI or use --rpc-url with --genesis-dir")
    }

    @Test func enclaveNotFoundListsTheOnesThatExist() async throws {
        let stub = try StubKurtosis(try Self.devnetRules())
        defer { stub.remove() }
        let error = await #expect(throws: KurtosisError.self) { try await Self.discovery(stub).discover("cdk") }
        #expect(error?.description == "enclave 'cdk' not found; enclaves: devnet (RUNNING), old-net (STOPPED), scratch (EMPTY) — pass one of these names to --enclave")
    }

    @Test func enclaveNotFoundWhenThereAreNone() async throws {
        let stub = try StubKurtosis([Rule(["enclave", "ls"], stdout: try KurtosisFixtures.text("enclave-ls-none.txt"))])
        defer { stub.remove() }
        let error = await #expect(throws: KurtosisError.self) { try await Self.discovery(stub).discover("cdk") }
        #expect(error == .enclaveNotFound("cdk", existing: []))
        #expect(error?.description.hasPrefix("enclave 'cdk' not found, and there are no enclaves — ") == true)
    }

    @Test(arguments: [("old-net", "STOPPED"), ("scratch", "EMPTY")])
    func enclaveNotRunning(_ name: String, _ status: String) async throws {
        let stub = try StubKurtosis(try Self.devnetRules())
        defer { stub.remove() }
        let error = await #expect(throws: KurtosisError.self) { try await Self.discovery(stub).discover(name) }
        #expect(error == .enclaveNotRunning(name, status: status))
        #expect(error?.description.hasPrefix("enclave '\(name)' is \(status), not RUNNING — ") == true)
        #expect(stub.calls == ["enclave ls"])
    }

    @Test func noExecutionService() async throws {
        let stub = try StubKurtosis(try Self.devnetRules(inspect: "enclave-inspect-no-el.txt"))
        defer { stub.remove() }
        let error = await #expect(throws: KurtosisError.self) { try await Self.discovery(stub).discover("devnet") }
        #expect(error == .noExecutionService(enclave: "devnet", services: ["cl-1-lighthouse-geth", "dora", "validator-key-generation-cl-validator-keystore"]))
        #expect(error?.description == "enclave 'devnet' has no running execution-layer service named el-<index>-<client>-<cl> (services: cl-1-lighthouse-geth, dora, validator-key-generation-cl-validator-keystore) — use --rpc-url with --genesis-dir")
    }

    @Test func executionServiceWithoutRPCPort() async throws {
        var rules = try Self.devnetRules(inspect: "enclave-inspect-no-rpc.txt")
        rules.removeAll { $0.arguments.starts(with: ["service", "inspect"]) && $0.arguments.last != "*" }
        let stub = try StubKurtosis(rules)
        defer { stub.remove() }
        let error = await #expect(throws: KurtosisError.self) { try await Self.discovery(stub).discover("devnet") }
        #expect(error == .noRPCPort(service: "el-1-geth-lighthouse", ports: ["engine-rpc", "metrics"]))
        #expect(error?.description == "execution-layer service el-1-geth-lighthouse has no rpc or ws-rpc port (ports: engine-rpc, metrics) — pass the node's HTTP JSON-RPC address with --rpc-url")
    }

    @Test func missingGenesisArtifact() async throws {
        let stub = try StubKurtosis(try Self.devnetRules(inspect: "enclave-inspect-no-genesis.txt"))
        defer { stub.remove() }
        let discovery = Self.discovery(stub)
        let error = await #expect(throws: KurtosisError.self) { try await discovery.discover("devnet") }
        #expect(error?.description == "enclave 'devnet' has no el_cl_genesis_data files artefact (artefacts: jwt_file, keymanager_file) — pass the network's genesis files with --genesis-dir")
        let topology = try await discovery.discover("devnet", requireGenesisData: false)
        #expect(topology.executionServices.map(\.name) == ["el-1-geth-lighthouse"])
    }

    @Test func engineFailureIsOneLine() async throws {
        let stderr = """
        Error: An error occurred running command 'ls'
         --- at /root/project/cli/cli/command_framework/highlevel/engine_consuming_kurtosis_command/engine_consuming_kurtosis_command.go:178 (EngineConsumingKurtosisCommand.getRunFunc.func1) ---
        Caused by: An error occurred creating an engine client
         --- at /root/project/cli/cli/helpers/engine_manager/engine_manager.go:120 ---
        Caused by: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?

        """
        let stub = try StubKurtosis([Rule(["enclave", "ls"], stderr: stderr, exitCode: 1)])
        defer { stub.remove() }
        let error = await #expect(throws: KurtosisError.self) { try await Self.discovery(stub).discover("devnet") }
        let expected = "Error: An error occurred running command 'ls' … Caused by: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?"
        #expect(error == .commandFailed(command: "kurtosis enclave ls", status: 1, message: expected))
        #expect(error?.description.contains("\n") == false)
        #expect(error?.description.hasSuffix("— check that the Kurtosis engine is running (kurtosis engine status)") == true)
    }

    @Test func unreadableOutputIsReported() async throws {
        let stub = try StubKurtosis([Rule(["enclave", "ls"], stdout: "something else entirely\n")])
        defer { stub.remove() }
        let error = await #expect(throws: KurtosisError.self) { try await Self.discovery(stub).discover("devnet") }
        #expect(error == .unexpectedOutput(command: "kurtosis enclave ls", reason: "no 'UUID Name Status' header in the enclave list"))
    }

    @Test func unknownPortIDFails() async throws {
        let stub = try StubKurtosis([Rule(["port", "print", "--", "devnet", "el-1-geth-lighthouse", "nope"],
                                          stderr: "Error: No port with ID 'nope' found on service 'el-1-geth-lighthouse'\n", exitCode: 1)])
        defer { stub.remove() }
        let error = await #expect(throws: KurtosisError.self) {
            try await KurtosisCLI(environment: stub.environment).portURL(enclave: "devnet", service: "el-1-geth-lighthouse", portID: "nope")
        }
        #expect(error == .commandFailed(command: "kurtosis port print -- devnet el-1-geth-lighthouse nope", status: 1,
                                        message: "Error: No port with ID 'nope' found on service 'el-1-geth-lighthouse'"))
    }

    @Test func unrecordedArgumentsFailLoudly() async throws {
        let stub = try StubKurtosis([])
        defer { stub.remove() }
        let error = await #expect(throws: KurtosisError.self) { try await KurtosisCLI(environment: stub.environment).enclaves() }
        #expect(error == .commandFailed(command: "kurtosis enclave ls", status: 97, message: "stub kurtosis: no recorded answer for: enclave ls"))
    }
}
