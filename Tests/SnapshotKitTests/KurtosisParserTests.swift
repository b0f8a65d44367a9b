import Foundation
import TestFixtures
import Testing
import SnapshotKit

/// Recorded Kurtosis CLI output from `Fixtures/kurtosis/`.
enum KurtosisFixtures {
    static func text(_ name: String) throws -> String {
        try String(contentsOf: TestFixtures.url("kurtosis/\(name)"), encoding: .utf8)
    }
}

@Suite struct KurtosisParserTests {
    @Test func enclaveList() throws {
        let enclaves = try KurtosisOutputParser.enclaves(try KurtosisFixtures.text("enclave-ls.txt"))
        #expect(enclaves == [
            KurtosisEnclave(uuid: "b9d8a5bd4d6e", name: "devnet", status: "RUNNING", creationTime: "Tue, 03 Feb 2026 10:12:44 CET"),
            KurtosisEnclave(uuid: "79813f61cdf7", name: "old-net", status: "STOPPED", creationTime: "Mon, 17 Jul 2023 13:27:02 -03"),
            KurtosisEnclave(uuid: "0c4e1a9d2b37", name: "scratch", status: "EMPTY", creationTime: "Wed, 04 Feb 2026 08:01:10 CET"),
        ])
        #expect(enclaves.map(\.isRunning) == [true, false, false])
        #expect(try KurtosisOutputParser.enclaves(try KurtosisFixtures.text("enclave-ls-none.txt")).isEmpty)
        #expect(try KurtosisOutputParser.enclaves("").isEmpty)
    }

    @Test func enclaveListIgnoresColourAndRejectsOtherText() throws {
        let coloured = "UUID           Name     Status    Creation Time\nb9d8a5bd4d6e   devnet   \u{1B}[32mRUNNING\u{1B}[0m   Tue, 03 Feb 2026\n"
        #expect(try KurtosisOutputParser.enclaves(coloured).first?.status == "RUNNING")
        #expect(throws: KurtosisOutputParser.Failure.self) { try KurtosisOutputParser.enclaves("Error: engine is not running\n") }
    }

    @Test func enclaveInspectionWithMultiLinePortsAndNone() throws {
        let inspection = try KurtosisOutputParser.enclaveInspection(try KurtosisFixtures.text("enclave-inspect-devnet.txt"))
        #expect(inspection.name == "devnet")
        #expect(inspection.uuid == "b9d8a5bd4d6e")
        #expect(inspection.status == "RUNNING")
        #expect(inspection.filesArtifacts == ["1-lighthouse-geth-0-63", "2-lighthouse-erigon-64-127", "el_cl_genesis_data",
                                              "final-genesis-timestamp", "genesis_validators_root", "jwt_file", "keymanager_file"])
        #expect(inspection.services.map(\.name) == ["cl-1-lighthouse-geth", "cl-2-lighthouse-erigon", "dora", "el-1-geth-lighthouse",
                                                    "el-2-erigon-lighthouse", "validator-key-generation-cl-validator-keystore",
                                                    "vc-1-geth-lighthouse", "vc-2-erigon-lighthouse"])
        #expect(inspection.services.allSatisfy { $0.isRunning })

        let geth = try #require(inspection.services.first { $0.name == "el-1-geth-lighthouse" })
        #expect(geth.uuid == "d61be60e1795")
        #expect(geth.ports == [
            KurtosisPort(id: "engine-rpc", number: 8551, publicHost: "127.0.0.1", publicPort: 32773),
            KurtosisPort(id: "metrics", number: 9001, publicHost: "127.0.0.1", publicPort: 32774),
            KurtosisPort(id: "rpc", number: 8545, publicHost: "127.0.0.1", publicPort: 32771),
            KurtosisPort(id: "tcp-discovery", number: 30303, publicHost: "127.0.0.1", publicPort: 32775),
            KurtosisPort(id: "udp-discovery", number: 30303, transport: "udp", publicHost: "127.0.0.1", publicPort: 32769),
            KurtosisPort(id: "ws", number: 8546, publicHost: "127.0.0.1", publicPort: 32772),
        ])
        #expect(geth.ports[2].publicURL?.absoluteString == "http://127.0.0.1:32771")

        let erigon = try #require(inspection.services.first { $0.name == "el-2-erigon-lighthouse" })
        #expect(erigon.ports.map(\.id) == ["engine-rpc", "metrics", "tcp-discovery", "udp-discovery", "ws-rpc"])
        #expect(erigon.ports.last == KurtosisPort(id: "ws-rpc", number: 8545, publicHost: "127.0.0.1", publicPort: 32781))

        let beacon = try #require(inspection.services.first { $0.name == "cl-1-lighthouse-geth" })
        #expect(beacon.ports.first == KurtosisPort(id: "http", number: 4000, applicationProtocol: "http", publicHost: "127.0.0.1", publicPort: 32776))
        #expect(beacon.ports.count == 4)

        let keygen = try #require(inspection.services.first { $0.name == "validator-key-generation-cl-validator-keystore" })
        #expect(keygen.ports.isEmpty)
        #expect(keygen.status == "RUNNING")
    }

    @Test func enclaveInspectionWithPaddedIndicesStoppedServiceAndUnpublishedPorts() throws {
        let inspection = try KurtosisOutputParser.enclaveInspection(try KurtosisFixtures.text("enclave-inspect-padded.txt"))
        #expect(inspection.services.map(\.name) == ["cl-01-teku-besu", "el-01-besu-teku", "el-10-nethermind-teku"])
        let stopped = inspection.services[2]
        #expect(stopped.status == "STOPPED")
        #expect(!stopped.isRunning)
        #expect(stopped.ports == [KurtosisPort(id: "engine-rpc", number: 8551), KurtosisPort(id: "rpc", number: 8545)])
        #expect(stopped.ports[1].publicURL == nil)
        #expect(inspection.services[0].ports[1] == KurtosisPort(id: "metrics", number: 8008))
        #expect(KurtosisServiceName(stopped.name)?.index == 10)
        #expect(KurtosisServiceName(inspection.services[1].name)?.index == 1)
    }

    @Test func enclaveInspectionWithoutHeaderIsRejected() {
        #expect(throws: KurtosisOutputParser.Failure.self) { try KurtosisOutputParser.enclaveInspection("nothing useful\n") }
        let orphanPort = "Name: x\n" + String(repeating: "=", count: 42) + " User Services " + String(repeating: "=", count: 43)
            + "\nUUID   Name   Ports   Status\n       rpc: 8545/tcp\n"
        #expect(throws: KurtosisOutputParser.Failure("a port line 'rpc: 8545/tcp' before any service")) {
            try KurtosisOutputParser.enclaveInspection(orphanPort)
        }
    }

    @Test(arguments: [
        ("rpc: 8545/tcp -> 127.0.0.1:32771", KurtosisPort(id: "rpc", number: 8545, publicHost: "127.0.0.1", publicPort: 32771)),
        ("http: 4000/tcp -> http://127.0.0.1:32776", KurtosisPort(id: "http", number: 4000, applicationProtocol: "http", publicHost: "127.0.0.1", publicPort: 32776)),
        ("udp-discovery: 9000/udp", KurtosisPort(id: "udp-discovery", number: 9000, transport: "udp")),
        ("ws-rpc: 8545/tcp -> 10.0.0.5:8545", KurtosisPort(id: "ws-rpc", number: 8545, publicHost: "10.0.0.5", publicPort: 8545)),
    ])
    func portLines(_ line: String, _ expected: KurtosisPort) throws {
        #expect(try KurtosisOutputParser.port(line) == expected)
    }

    @Test(arguments: ["rpc 8545/tcp", "rpc: 8545", "rpc: x/tcp", "rpc: 8545/tcp -> 127.0.0.1", "rpc: 8545/tcp -> 127.0.0.1:abc"])
    func badPortLines(_ line: String) {
        #expect(throws: KurtosisOutputParser.Failure.self) { try KurtosisOutputParser.port(line) }
    }

    @Test func serviceInspectionJSON() throws {
        let geth = try KurtosisOutputParser.serviceInspection(try KurtosisFixtures.text("service-inspect-el-1-geth-lighthouse.json"))
        #expect(geth.image == "ethereum/client-go:v1.16.8")
        #expect(geth.ports == [
            KurtosisPort(id: "engine-rpc", number: 8551, publicPort: 32773),
            KurtosisPort(id: "metrics", number: 9001, publicPort: 32774),
            KurtosisPort(id: "rpc", number: 8545, publicPort: 32771),
            KurtosisPort(id: "tcp-discovery", number: 30303, publicPort: 32775),
            KurtosisPort(id: "udp-discovery", number: 30303, transport: "udp", publicPort: 32769),
            KurtosisPort(id: "ws", number: 8546, publicPort: 32772),
        ])
        #expect(geth.files == ["/jwt": ["jwt_file"], "/network-configs": ["el_cl_genesis_data"]])
        #expect(geth.entrypoint == ["sh", "-c"])
        #expect(geth.cmd.first?.hasPrefix("geth init --datadir=/data/geth/execution-data") == true)
        #expect(geth.labels["ethereum-package.client-type"] == "execution")
        #expect(geth.environment.isEmpty)

        let beacon = try KurtosisOutputParser.serviceInspection(try KurtosisFixtures.text("service-inspect-cl-1-lighthouse-geth.json"))
        #expect(beacon.image == "sigp/lighthouse:v8.0.1")
        #expect(beacon.ports.first == KurtosisPort(id: "http", number: 4000, applicationProtocol: "http", publicPort: 32776))
        #expect(beacon.files["/network-configs"] == ["el_cl_genesis_data"])
        #expect(beacon.entrypoint.isEmpty)
        #expect(beacon.environment == ["RUST_BACKTRACE": "full"])
    }

    @Test func serviceInspectionRejectsText() {
        #expect(throws: KurtosisOutputParser.Failure.self) { try KurtosisOutputParser.serviceInspection("Service ID: el-1\n") }
        #expect(throws: KurtosisOutputParser.Failure.self) { try KurtosisOutputParser.serviceInspection("[1]") }
        #expect(throws: KurtosisOutputParser.Failure("port 'rpc' has no number")) {
            try KurtosisOutputParser.serviceInspection(#"{"ports":{"rpc":{"transport":0}}}"#)
        }
    }

    @Test(arguments: [
        ("127.0.0.1:32771\n", "http://127.0.0.1:32771"),
        ("http://127.0.0.1:32776\n", "http://127.0.0.1:32776"),
        ("  https://node.example:443  ", "https://node.example:443"),
    ])
    func portAddresses(_ output: String, _ expected: String) throws {
        #expect(try KurtosisOutputParser.portAddress(output).absoluteString == expected)
    }

    @Test(arguments: ["", "\n", "not an address", "127.0.0.1"])
    func badPortAddresses(_ output: String) {
        #expect(throws: KurtosisOutputParser.Failure.self) { try KurtosisOutputParser.portAddress(output) }
    }
}
