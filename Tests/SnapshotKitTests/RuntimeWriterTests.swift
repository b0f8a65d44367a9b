import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing

/// `RuntimeWriter`: client resolution through the registry, options, the files it writes, the README.
@Suite struct RuntimeWriterTests {
    static let snapshot = SnapshotFixture.runtimeSnapshot(executionClient: "stub-el", consensusClient: "stub-cl")

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runtime-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func writesTheRuntimeFiles() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let emission = try RuntimeWriter(registry: RuntimeTestSupport.stubRegistry())
            .write(Self.snapshot, options: RuntimeOptions(portOffset: 10, bindAddress: "0.0.0.0"), into: folder)
        #expect(emission.files == ["README.md", "docker-compose.yml", "down.sh", "runtime/init.sh", "up.sh"])
        #expect(emission.images == [.execution: "example/stub-el:v1", .beacon: "example/stub-cl:v1", .validator: "example/stub-vc:v1"])
        #expect(emission.endpoints == [
            RuntimeEndpoint(name: "EL JSON-RPC", url: "http://127.0.0.1:8555"),
            RuntimeEndpoint(name: "EL WebSocket", url: "ws://127.0.0.1:8556"),
            RuntimeEndpoint(name: "Beacon API", url: "http://127.0.0.1:4010"),
        ])
        for file in emission.files {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(file).path)
            let mode = try #require(attributes[.posixPermissions] as? Int)
            #expect(mode == (file.hasSuffix(".sh") ? 0o755 : 0o644), "\(file)")
        }
        let initScript = try String(contentsOf: folder.appendingPathComponent("runtime/init.sh"), encoding: .utf8)
        #expect(initScript == InitScript.text && initScript.hasPrefix("#!/bin/sh\n"))
        let up = try String(contentsOf: folder.appendingPathComponent("up.sh"), encoding: .utf8)
        #expect(up.contains("rpc_url='http://127.0.0.1:8555'") && up.contains("services='el cl vc'"))
    }

    @Test func readmeDescribesTheSnapshot() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try RuntimeWriter(registry: RuntimeTestSupport.stubRegistry()).write(Self.snapshot, options: RuntimeOptions(), into: folder)
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        for expected in [
            "# Devnet snapshot: chain 3151908 of Kurtosis enclave `fixture` at block 0",
            "| state root | `\(SnapshotFixture.stateRoot)` |",
            "| consensus | fulu at genesis, `minimal` preset, 8 validators |",
            "./up.sh", "./down.sh", "- EL JSON-RPC: <http://127.0.0.1:8545>",
            "| `el` | stub-el | `example/stub-el:v1` |", "| `init` | busybox sh | `busybox:1.37.0` |",
            "Stub beacon note.", "snapshotter verify",
            "waits until the head reaches block 2", "`el.genesisHash` of `metadata.json`", "`COMPOSE_PROJECT_NAME`",
            "readable by the validator client's user only",
        ] {
            #expect(readme.contains(expected), "\(expected)")
        }
    }

    @Test func unknownOrNonRuntimeClientsAreRefused() throws {
        let registry = try PluginRegistry([StubExecutionRuntimePlugin(), StubConsensusRuntimePlugin(), DetectionOnlyPlugin()])
        let writer = RuntimeWriter(registry: registry)
        var snapshot = Self.snapshot
        snapshot.executionClient = "besu"
        #expect(throws: RuntimeError.noRuntimeClient(id: "besu", layer: .execution, runtimeClients: ["stub-el"])) {
            try writer.composeFile(for: snapshot, options: RuntimeOptions())
        }
        snapshot.executionClient = "detection-only"
        #expect(throws: RuntimeError.noRuntimeClient(id: "detection-only", layer: .execution, runtimeClients: ["stub-el"])) {
            try writer.composeFile(for: snapshot, options: RuntimeOptions())
        }
        #expect(RuntimeError.noRuntimeClient(id: "besu", layer: .execution, runtimeClients: ["geth"]).description
            == "no execution client 'besu' can run a snapshot; runtime execution clients: geth")
    }

    @Test(arguments: ["example/el", "example/el:latest", "registry.local:5000/el"])
    func unpinnedImagesAreRefused(_ image: String) throws {
        let writer = RuntimeWriter(registry: try RuntimeTestSupport.stubRegistry())
        #expect(throws: RuntimeError.unpinnedImage(image)) {
            try writer.composeFile(for: Self.snapshot, options: RuntimeOptions(executionImage: image))
        }
    }

    @Test(arguments: ["example/el:v1 --privileged", "example/el:${TAG}", "example/el:v1\""])
    func malformedImagesAreRefused(_ image: String) throws {
        let writer = RuntimeWriter(registry: try RuntimeTestSupport.stubRegistry())
        #expect(throws: RuntimeError.malformedImage(image, reason: try #require(ImageReference.problem(with: image)))) {
            try writer.composeFile(for: Self.snapshot, options: RuntimeOptions(executionImage: image))
        }
    }

    @Test func imageOverridesReplaceTheDefaults() throws {
        let compose = try RuntimeWriter(registry: RuntimeTestSupport.stubRegistry()).composeFile(
            for: Self.snapshot,
            options: RuntimeOptions(executionImage: "registry.local:5000/el:v2", consensusImage: "example/cl@sha256:" + String(repeating: "a", count: 64)))
        #expect(compose.entries.map(\.image) == [
            "registry.local:5000/el:v2", "example/cl@sha256:" + String(repeating: "a", count: 64),
            "example/cl@sha256:" + String(repeating: "a", count: 64),
        ])
    }

    @Test(arguments: [
        (RuntimeOptions(portOffset: -1), "invalid port offset: -1 must be 0 … 56989"),
        (RuntimeOptions(portOffset: 56_990), "invalid port offset: 56990 must be 0 … 56989"),
        (RuntimeOptions(bindAddress: "127.0.0.1 8080"), "invalid bind address: '127.0.0.1 8080' is not an IP address"),
        (RuntimeOptions(genesisDelaySeconds: -5), "invalid genesis delay: -5 s is negative"),
        (RuntimeOptions(feeRecipient: "0x1234"), "invalid fee recipient: '0x1234' is not a 20-byte 0x address"),
    ])
    func badOptionsAreRefused(_ options: RuntimeOptions, _ message: String) throws {
        let writer = RuntimeWriter(registry: try RuntimeTestSupport.stubRegistry())
        #expect { try writer.composeFile(for: Self.snapshot, options: options) } throws: { error in
            (error as? RuntimeError)?.description == message
        }
    }

    @Test func healthchecksAreRequiredWhereDependentsWait() throws {
        let writer = RuntimeWriter(registry: try PluginRegistry([UncheckedExecutionPlugin(), StubConsensusRuntimePlugin()]))
        var snapshot = Self.snapshot
        snapshot.executionClient = "unchecked"
        #expect(throws: RuntimeError.missingHealthcheck(client: "unchecked", role: .execution)) {
            try writer.composeFile(for: snapshot, options: RuntimeOptions())
        }
    }

    @Test func missingRolesAreReported() throws {
        let writer = RuntimeWriter(registry: try PluginRegistry([StubExecutionRuntimePlugin(), BeaconOnlyPlugin()]))
        var snapshot = Self.snapshot
        snapshot.consensusClient = "beacon-only"
        #expect(throws: RuntimeError.missingRole(client: "beacon-only", role: .validator)) {
            try writer.composeFile(for: snapshot, options: RuntimeOptions())
        }
    }

    @Test func unwritableFolderIsReported() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-folder-\(UUID().uuidString)")
        try Data().write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect { try RuntimeWriter(registry: RuntimeTestSupport.stubRegistry()).write(Self.snapshot, options: RuntimeOptions(), into: file) }
            throws: { error in
                guard case .unwritable(let path, _)? = error as? RuntimeError else { return false }
                return path.hasPrefix(file.path)
            }
    }

    @Test(arguments: [
        ("ethereum/client-go:v1.17.5", true), ("sigp/lighthouse:v8.2.2", true), ("busybox:1.37.0", true),
        ("localhost:5000/geth:v1", true), ("geth@sha256:" + String(repeating: "0", count: 64), true),
        ("ethereum/client-go", false), ("ethereum/client-go:latest", false), ("localhost:5000/geth", false),
        ("geth:", false),
    ])
    func pinnedImages(_ image: String, _ pinned: Bool) {
        #expect(ImageReference.isPinned(image) == pinned)
    }
}

/// An execution plugin with detection only, no runtime.
private struct DetectionOnlyPlugin: ClientPlugin {
    let id = "detection-only"
    let displayName = "Detection only"
    let layer = ClientLayer.execution
    let detection = ClientDetectionRules(clientVersionNames: ["DetectionOnly"], serviceNameTokens: ["detection-only"])
    var roles: [PluginRole] { [] }
}

/// An execution plugin whose service has no health check.
private struct UncheckedExecutionPlugin: RuntimeClientPlugin {
    let id = "unchecked"
    let displayName = "Unchecked"
    let layer = ClientLayer.execution
    let detection = ClientDetectionRules(clientVersionNames: ["Unchecked"], serviceNameTokens: ["unchecked"])
    var roles: [PluginRole] { [.runtime] }
    var runtimeEmitters: [any RuntimeEmitter] { [Emitter()] }

    struct Emitter: RuntimeEmitter {
        let role = RuntimeRole.execution
        func defaultImage(for snapshot: RuntimeSnapshot) throws(RuntimeError) -> String { "example/unchecked:v1" }
        func service(_ context: RuntimeContext) -> RuntimeService { RuntimeService(command: ["run"]) }
    }
}

/// A consensus plugin with a beacon node but no validator client.
private struct BeaconOnlyPlugin: RuntimeClientPlugin {
    let id = "beacon-only"
    let displayName = "Beacon only"
    let layer = ClientLayer.consensus
    let detection = ClientDetectionRules(clientVersionNames: ["BeaconOnly"], serviceNameTokens: ["beacon-only"])
    var roles: [PluginRole] { [.runtime] }
    var runtimeEmitters: [any RuntimeEmitter] { [StubRuntimeEmitter(role: .beacon)] }
}
