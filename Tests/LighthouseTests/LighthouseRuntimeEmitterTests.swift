import Foundation
import SnapshotKit
import Testing
import Yams
@testable import LighthousePlugin

/// The Lighthouse `cl` and `vc` services: image per preset and fork, flags, the health check run with bash against a
/// local listener, and their place in the compose file.
@Suite struct LighthouseRuntimeEmitterTests {
    static func snapshot(preset: String = "minimal", fork: ConsensusFork = .fulu) -> RuntimeSnapshot {
        RuntimeSnapshot(chainId: 3_151_908, executionClient: "test-el", consensusClient: "lighthouse", preset: preset, fork: fork, validatorCount: 8)
    }

    static func context(_ role: RuntimeRole, preset: String = "minimal", fork: ConsensusFork = .fulu) -> RuntimeContext {
        RuntimeContext(
            snapshot: snapshot(preset: preset, fork: fork), role: role, image: LighthouseRuntimeImage.defaultImage,
            feeRecipient: "0x8943545177806ED17B9F23F0a21ee5948eCaa776")
    }

    @Test func isARuntimePluginForBeaconAndValidator() throws {
        let plugin = try PluginRegistry([LighthousePlugin()]).plugin(id: "lighthouse", layer: .consensus)
        #expect(plugin.roles.contains(.runtime))
        #expect((plugin as? any RuntimeClientPlugin)?.runtimeEmitters.map(\.role) == [.beacon, .validator])
    }

    /// One pinned image for both presets (the published images include the minimal spec), refused past Fulu.
    @Test func defaultImage() throws {
        for emitter in [LighthouseBeaconRuntimeEmitter() as any RuntimeEmitter, LighthouseValidatorRuntimeEmitter()] {
            for preset in ["minimal", "mainnet"] {
                for fork in [ConsensusFork.electra, .fulu] {
                    #expect(try emitter.defaultImage(for: Self.snapshot(preset: preset, fork: fork)) == "sigp/lighthouse:v8.2.2")
                }
            }
            #expect(throws: RuntimeError.unsupportedSnapshot(
                client: "lighthouse",
                reason: "its genesis is in gloas, which sigp/lighthouse:v8.2.2 does not run; pass an image that does with --cl-image")) {
                try emitter.defaultImage(for: Self.snapshot(fork: .gloas))
            }
            #expect(throws: RuntimeError.self) { try emitter.defaultImage(for: Self.snapshot(preset: "gnosis")) }
        }
    }

    @Test func beaconNodeFlags() {
        let service = LighthouseBeaconRuntimeEmitter().service(Self.context(.beacon))
        #expect(service.entrypoint == nil && service.snapshotFolders.isEmpty)
        #expect(Array(service.command.prefix(2)) == ["lighthouse", "beacon_node"])
        for flag in [
            "--testnet-dir=/runtime/testnet", "--datadir=/runtime/cl", "--execution-endpoints=http://el:8551",
            "--jwt-secrets=/runtime/jwt.hex", "--http", "--http-address=0.0.0.0", "--http-port=4000",
            "--allow-insecure-genesis-sync", "--enable-private-discovery", "--disable-peer-scoring",
            "--suggested-fee-recipient=0x8943545177806ED17B9F23F0a21ee5948eCaa776", "--supernode",
        ] {
            #expect(service.command.contains(flag), "\(flag)")
        }
        #expect(!LighthouseBeaconRuntimeEmitter().service(Self.context(.beacon, fork: .electra)).command.contains("--supernode"))
    }

    @Test func validatorClientFlags() {
        let service = LighthouseValidatorRuntimeEmitter().service(Self.context(.validator))
        #expect(service.command == [
            "lighthouse", "validator_client", "--testnet-dir=/runtime/testnet",
            "--validators-dir=/runtime/validators/keys", "--secrets-dir=/runtime/validators/secrets",
            "--init-slashing-protection", "--beacon-nodes=http://cl:4000",
            "--suggested-fee-recipient=0x8943545177806ED17B9F23F0a21ee5948eCaa776",
        ])
        #expect(service.healthcheck == nil)
    }

    @Test func readmeNotesThePreset() {
        let minimal = LighthouseBeaconRuntimeEmitter().readmeNotes(Self.context(.beacon))
        #expect(minimal.count == 1)
        #expect(minimal[0].contains("`minimal` preset") && minimal[0].contains("spec-minimal")
            && minimal[0].contains("lighthouse --version` prints `minimal (true)`"))
        let mainnet = LighthouseBeaconRuntimeEmitter().readmeNotes(Self.context(.beacon, preset: "mainnet"))
        #expect(mainnet.count == 1 && mainnet[0].contains("`mainnet` preset") && !mainnet[0].contains("spec-minimal"))
        #expect(LighthouseValidatorRuntimeEmitter().readmeNotes(Self.context(.validator)).isEmpty)
    }

    /// The health check's bash command against a one-shot listener answering `status` on a free port: 200 and 206
    /// are healthy, 503 and no listener are not.
    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/bin/bash") && (try? Subprocess("busybox").resolveExecutable()) != nil,
            "needs /bin/bash and busybox nc (apt-get install busybox; .ci/run installs it)"),
        arguments: [("200 OK", true), ("206 Partial Content", true), ("503 Service Unavailable", false)])
    func healthcheckCommand(_ status: String, _ healthy: Bool) async throws {
        let port = Int.random(in: 20_000...40_000)
        let check = LighthouseBeaconRuntimeEmitter.healthcheck.command
        #expect(check.prefix(2) == ["bash", "-c"])
        let command = check[2].replacingOccurrences(of: "/dev/tcp/127.0.0.1/4000", with: "/dev/tcp/127.0.0.1/\(port)")
        #expect(command != check[2])

        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/bin/sh")
        server.arguments = ["-c", "printf 'HTTP/1.1 \(status)\\r\\nContent-Length: 0\\r\\n\\r\\n' | busybox nc -l -p \(port)"]
        try server.run()
        defer { if server.isRunning { server.terminate() } }
        var result: SubprocessResult?
        for _ in 0..<150 {
            try await Task.sleep(for: .milliseconds(100))
            let attempt = try await Subprocess("/bin/bash", timeout: .seconds(10)).run(["-c", command])
            if !attempt.stderrText.contains("Connection refused") {
                result = attempt
                break
            }
        }
        let outcome = try #require(result, "the listener came up")
        #expect(outcome.succeeded == healthy, "\(status): \(outcome.stderrText)")

        let nobody = try await Subprocess("/bin/bash", timeout: .seconds(10)).run(["-c", command])
        #expect(!nobody.succeeded, "no listener is unhealthy")
    }

    /// The compose file with Lighthouse as `cl` and `vc`: they read only the runtime volume and start in order.
    @Test func composeServices() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lighthouse-runtime-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var snapshot = Self.snapshot()
        snapshot.executionClient = StandInExecutionPlugin().id
        let emission = try RuntimeWriter(registry: PluginRegistry([StandInExecutionPlugin(), LighthousePlugin()]))
            .write(snapshot, options: RuntimeOptions(consensusImage: "sigp/lighthouse:v8.1.3"), into: folder)
        #expect(emission.images[.beacon] == "sigp/lighthouse:v8.1.3" && emission.images[.validator] == "sigp/lighthouse:v8.1.3")
        let text = try String(contentsOf: folder.appendingPathComponent("docker-compose.yml"), encoding: .utf8)
        let services = try #require(try Yams.compose(yaml: text)?["services"])
        for (name, dependency) in [("cl", "el"), ("vc", "cl")] {
            let service = try #require(services[name])
            #expect(service["image"]?.string == "sigp/lighthouse:v8.1.3")
            #expect(service["volumes"]?.sequence?.compactMap { $0["source"]?.string } == ["runtime"])
            #expect(service["depends_on"]?[dependency]?["condition"]?.string == "service_healthy")
        }
        #expect(services["cl"]?["healthcheck"]?["test"]?.sequence?.first?.string == "CMD")
        #expect(services["cl"]?["ports"]?.sequence?.compactMap(\.string) == ["127.0.0.1:4000:4000"])
    }
}
