import Foundation
import SnapshotKit
import SnapshotTestSupport
import TestFixtures
import Testing
@testable import TekuPlugin

/// The Teku plugin: detection, its key layout, the consensus conformance checks, and its `cl` and `vc` services.
@Suite struct TekuPluginTests {
    static let feeRecipient = "0x8943545177806ED17B9F23F0a21ee5948eCaa776"

    static func context(_ role: RuntimeRole, preset: String = "minimal", fork: ConsensusFork = .fulu) -> RuntimeContext {
        RuntimeContext(
            snapshot: RuntimeSnapshot(chainId: 3_151_908, executionClient: "test-el", consensusClient: "teku", preset: preset,
                                      fork: fork, validatorCount: 8),
            role: role, image: TekuRuntimeImage.defaultImage, feeRecipient: feeRecipient)
    }

    @Test func detectsTekuFromItsVersionAndServiceNames() throws {
        let registry = try PluginRegistry([TekuPlugin()])
        #expect(registry.detect(serviceName: "cl-1-teku-geth", layer: .consensus)?.id == "teku")
        #expect(registry.detect(serviceName: "cl-1-lighthouse-geth", layer: .consensus) == nil)
        #expect(registry.detect(clientVersion: "teku/v26.8.0/linux-x86_64/-eclipseadoptium-openjdk64bitservervm-java-25", layer: .consensus)?.id == "teku")
    }

    @Test func keysAreJSONFilesWithTxtPasswords() {
        let layout = TekuPlugin().consensusLayout
        #expect(layout.keystorePath(pubkeyHex: "0xab") == "validators/keystores/0xab.json")
        #expect(layout.passwordPath(pubkeyHex: "0xab") == "validators/passwords/0xab.txt")
        #expect(layout.pubkeyHex(ofKeystoreEntry: "0xab.json") == "0xab")
        #expect(layout.pubkeyHex(ofKeystoreEntry: "0xab.json.lock") == nil)
        #expect(layout.validatorOwner == "1000:1000")
    }

    @Test func passesTheConsensusConformanceChecks() throws {
        let caseA = try TestFixtures.url("cl-genesis/a-minimal-fulu-8val-0x01")
        #expect(ConsensusPluginConformance.problems(of: TekuPlugin(), caseA: caseA, forks: Self.caseAForks) == [])
    }

    /// The execution forks active at case (a)'s EL genesis (Osaka at 0).
    static let caseAForks = [
        "homestead", "eip150", "eip155", "eip158", "byzantium", "constantinople", "petersburg", "istanbul", "berlin",
        "london", "mergeNetsplit", "shanghai", "cancun", "prague", "osaka",
    ]

    @Test func oneImageForBothPresetsUpToFulu() throws {
        for emitter in [TekuBeaconRuntimeEmitter() as any RuntimeEmitter, TekuValidatorRuntimeEmitter()] {
            for preset in ["minimal", "mainnet"] {
                #expect(try emitter.defaultImage(for: Self.context(.beacon, preset: preset).snapshot) == "consensys/teku:26.8.0")
            }
            #expect(throws: RuntimeError.self) { try emitter.defaultImage(for: Self.context(.beacon, fork: .gloas).snapshot) }
            #expect(throws: RuntimeError.self) { try emitter.defaultImage(for: Self.context(.beacon, preset: "gnosis").snapshot) }
        }
    }

    @Test func beaconNodeFlags() {
        let service = TekuBeaconRuntimeEmitter().service(Self.context(.beacon))
        #expect(service.entrypoint == ["/opt/teku/bin/teku"])
        for flag in [
            "--network=/runtime/testnet/config.yaml", "--genesis-state=/runtime/testnet/genesis.ssz", "--data-path=/runtime/cl",
            "--ee-endpoint=http://el:8551", "--ee-jwt-secret-file=/runtime/jwt.hex", "--rest-api-enabled=true",
            "--rest-api-port=4000", "--rest-api-host-allowlist=cl,localhost,127.0.0.1", "--Xstartup-target-peer-count=0",
            "--validators-proposer-default-fee-recipient=0x8943545177806ed17b9f23f0a21ee5948ecaa776",
            "--p2p-subscribe-all-custody-subnets-enabled=true",
        ] {
            #expect(service.command.contains(flag), "\(flag)")
        }
        #expect(service.healthcheck?.command.first == "curl")
        #expect(!TekuBeaconRuntimeEmitter().service(Self.context(.beacon, fork: .electra)).command
            .contains("--p2p-subscribe-all-custody-subnets-enabled=true"))
    }

    @Test func validatorClientFlags() {
        let service = TekuValidatorRuntimeEmitter().service(Self.context(.validator))
        #expect(service.entrypoint == ["/opt/teku/bin/teku"])
        #expect(service.command == [
            "validator-client", "--network=/runtime/testnet/config.yaml", "--beacon-node-api-endpoint=http://cl:4000",
            "--data-path=/runtime/vc", "--validator-keys=/runtime/validators/keystores:/runtime/validators/passwords",
            "--validators-proposer-default-fee-recipient=0x8943545177806ed17b9f23f0a21ee5948ecaa776",
            "--log-destination=CONSOLE",
        ])
    }

    /// `init` gives the key copies to Teku's image user: compose passes it as VALIDATORS_OWNER.
    @Test func initGivesTheKeysToTekusUser() throws {
        let snapshot = Self.context(.beacon).snapshot
        let compose = try RuntimeWriter(registry: PluginRegistry([StubExecutionRuntimePlugin(), TekuPlugin()]))
            .composeFile(for: RuntimeSnapshot(chainId: 1, executionClient: "stub-el", consensusClient: "teku",
                                              preset: snapshot.preset, fork: snapshot.fork, validatorCount: 8),
                         options: RuntimeOptions())
        #expect(compose.validatorsOwner == "1000:1000")
        #expect(try compose.yaml().contains("VALIDATORS_OWNER: \"1000:1000\"\n"))
    }
}
