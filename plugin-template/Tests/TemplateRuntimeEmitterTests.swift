import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing
@testable import TemplatePlugin

/// Template's `el` service: its image, its exact command line and its health check.
@Suite struct TemplateRuntimeEmitterTests {
    static func context(gasLimit: UInt64? = 60_000_000, fork: ConsensusFork = .fulu) -> RuntimeContext {
        var snapshot = SnapshotFixture.runtimeSnapshot(executionClient: "template", consensusClient: "stub-cl")
        snapshot.gasLimit = gasLimit
        snapshot.fork = fork
        return RuntimeContext(snapshot: snapshot, role: .execution, image: TemplateRuntimeEmitter.defaultImage,
                              feeRecipient: RuntimeOptions.defaultFeeRecipient)
    }

    @Test func defaultImageIsPinnedAndRefusesLaterForks() throws {
        let emitter = TemplateRuntimeEmitter()
        for fork in [ConsensusFork.electra, .fulu] {
            #expect(try emitter.defaultImage(for: Self.context(fork: fork).snapshot) == TemplateRuntimeEmitter.defaultImage)
        }
        #expect(ImageReference.isPinned(TemplateRuntimeEmitter.defaultImage))
        #expect { try emitter.defaultImage(for: Self.context(fork: .gloas).snapshot) } throws: { error in
            (error as? RuntimeError)?.description.contains("template cannot run this snapshot: its genesis is in gloas") == true
        }
    }

    // TEMPLATE: the client's exact command line, flag by flag: this is the test that catches a renamed flag.
    @Test func serviceStartsFromTheSnapshotGenesis() {
        let service = TemplateRuntimeEmitter().service(Self.context())
        #expect(service.entrypoint == ["template"])
        #expect(service.command == [
            "node",
            "--genesis=/snapshot/el/genesis.json",
            "--datadir=/runtime/el",
            "--http", "--http.addr=0.0.0.0", "--http.port=8545", "--http.api=eth,net,web3,debug,trace,txpool",
            "--ws", "--ws.addr=0.0.0.0", "--ws.port=8546", "--ws.api=eth,net,web3",
            "--engine.addr=0.0.0.0", "--engine.port=8551", "--engine.jwt-secret=/runtime/jwt.hex",
            "--no-discovery",
            "--gas-limit=60000000",
        ])
        #expect(service.snapshotFolders == ["el"])
        #expect(service.healthcheck == .executionJSONRPC)
        #expect(!TemplateRuntimeEmitter().service(Self.context(gasLimit: nil)).command.contains { $0.hasPrefix("--gas-limit") })
    }

    @Test func readmeSaysHowTheServiceStarts() {
        let notes = TemplateRuntimeEmitter().readmeNotes(Self.context())
        #expect(notes.count == 1)
        #expect(notes.first?.contains("**template** starts from `el/genesis.json`") == true)
    }
}
