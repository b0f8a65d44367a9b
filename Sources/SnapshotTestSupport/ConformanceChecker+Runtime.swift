import Foundation
import SnapshotKit
import Yams

extension ConformanceChecker {
    /// The `el` emitter's image and service, then a fixture snapshot run by the plugin, read back and verified.
    mutating func runtime(fixtures: URL) {
        let check = "runtime"
        guard plugin.roles.contains(.runtime) else {
            if plugin is any RuntimeClientPlugin {
                report.checks.append(check)
                fail(check, "the plugin adopts RuntimeClientPlugin but roles lacks runtime")
            } else {
                report.checks.append("\(check) and genesis (skipped: no runtime role)")
            }
            return
        }
        report.checks.append(check)
        guard let runtime = plugin as? any RuntimeClientPlugin else {
            fail(check, "roles lists runtime but the plugin does not adopt RuntimeClientPlugin")
            return
        }
        let roles = runtime.runtimeEmitters.map(\.role)
        guard roles == [.execution], let emitter = runtime.runtimeEmitters.first else {
            fail(check, "an execution plugin has exactly one emitter, of role execution; it has \(roles.map(\.rawValue))")
            return
        }
        let snapshot = SnapshotFixture.runtimeSnapshot(executionClient: plugin.id, consensusClient: "stub-cl")
        let image: String
        do { image = try emitter.defaultImage(for: snapshot) } catch {
            fail(check, "defaultImage refuses a Fulu snapshot of the minimal preset: \(error)")
            return
        }
        if !ImageReference.isPinned(image) { fail(check, "the default image \(image) is not pinned to a version") }
        if image.hasPrefix("example/"), plugin.id != ExecutionPluginConformance.templateID {
            fail(check, "the default image \(image) is the template's placeholder: pin the client's released image")
        }
        let context = RuntimeContext(snapshot: snapshot, role: .execution, image: image, feeRecipient: RuntimeOptions.defaultFeeRecipient)
        let service = emitter.service(context)
        if service.healthcheck?.command.isEmpty ?? true {
            fail(check, "the service has no health check: the beacon node waits for the el service to be healthy")
        }
        genesis(service, context: context)
        composeAndVerify(fixtures: fixtures, image: image)
    }

    /// The service reads the core's genesis from the snapshot mount and uses the stack's data directory, JWT and ports.
    private mutating func genesis(_ service: RuntimeService, context: RuntimeContext) {
        let check = "genesis"
        report.checks.append(check)
        let text = ((service.entrypoint ?? []) + service.command + service.environment.map(\.value)).joined(separator: "\n")
        if !service.snapshotFolders.contains("el") {
            fail(check, "the service does not mount the snapshot's el folder: list \"el\" in snapshotFolders")
        }
        if !text.contains(RuntimeLayout.executionGenesis) {
            fail(check, "the service never names \(RuntimeLayout.executionGenesis) (RuntimeLayout.executionGenesis): start the client "
                + "from the genesis the core wrote (convert it in the start script if the client needs another form)")
        }
        let expected: [(String, String)] = [
            ("its data directory \(context.dataDirectory) (context.dataDirectory)", context.dataDirectory),
            ("the JWT secret \(RuntimeLayout.jwtSecret) (RuntimeLayout.jwtSecret)", RuntimeLayout.jwtSecret),
            ("the JSON-RPC port \(RuntimePorts.executionRPC) (RuntimePorts.executionRPC)", String(RuntimePorts.executionRPC)),
            ("the WebSocket port \(RuntimePorts.executionWebSocket) (RuntimePorts.executionWebSocket)", String(RuntimePorts.executionWebSocket)),
            ("the engine port \(RuntimePorts.engine) (RuntimePorts.engine)", String(RuntimePorts.engine)),
        ]
        for (what, needle) in expected where !text.contains(needle) {
            fail(check, "the service never names \(what)")
        }
    }

    /// Builds the fixture snapshot run by the plugin, with an EL genesis written by the core, then reads its compose
    /// file and verifies it.
    private mutating func composeAndVerify(fixtures: URL, image: String) {
        let check = "runtime"
        let folder: URL
        do {
            folder = try SnapshotFixture.build(
                fixtures: fixtures, registry: PluginRegistry([plugin, StubConsensusRuntimePlugin()]),
                executionClient: plugin.id, consensusClient: "stub-cl")
        } catch {
            fail(check, "RuntimeWriter cannot emit the fixture snapshot's runtime: \(error)")
            return
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let written = try Self.rewriteGenesisWithCore(in: folder)
            try SnapshotFixture.writeMetadata(
                in: folder, images: [.execution: image, .beacon: StubRuntimeEmitter.image(for: .beacon)])
            try checkGenesisFile(in: folder, expected: written)
        } catch {
            fail("genesis", "the fixture's el/genesis.json cannot be rewritten and read back: \(error)")
            return
        }
        do {
            let text = try String(contentsOf: folder.appendingPathComponent(ComposeFile.fileName), encoding: .utf8)
            guard let el = try Yams.compose(yaml: text)?["services"]?["el"] else {
                fail(check, "docker-compose.yml has no el service")
                return
            }
            if el["image"]?.string != image { fail(check, "the el service runs \(el["image"]?.string ?? "no image"), not \(image)") }
            if el["healthcheck"]?["test"]?.sequence?.isEmpty ?? true { fail(check, "the el service has no healthcheck test") }
        } catch {
            fail(check, "docker-compose.yml does not parse as YAML: \(error)")
        }
        do {
            let verification = try SnapshotVerifier(folder: folder).run()
            for failure in verification.failures { fail(check, "snapshotter verify fails \(failure.name): \(failure.detail)") }
        } catch {
            fail(check, "snapshotter verify cannot read the snapshot: \(error)")
        }
    }

    /// `el/genesis.json` must be the core's portable form: `config` first, and the same genesis once read back.
    private mutating func checkGenesisFile(in folder: URL, expected: GenesisFile) throws {
        let url = folder.appendingPathComponent("el/genesis.json")
        let document = try JSONParser.parse([UInt8](Data(contentsOf: url)))
        if document.objectValue?.first?.key != "config" { fail("genesis", "el/genesis.json does not start with config") }
        if try GenesisFile(contentsOf: url) != expected { fail("genesis", "el/genesis.json reads back as another genesis") }
    }

    /// Reads the fixture's EL genesis and writes it back with ``GenesisWriter``, as `create` writes it; returns it.
    private static func rewriteGenesisWithCore(in folder: URL) throws -> GenesisFile {
        let url = folder.appendingPathComponent("el/genesis.json")
        let genesis = try GenesisFile(contentsOf: url)
        let writer = try GenesisWriter(parameters: genesis.parameters, url: url)
        for account in genesis.alloc { try writer.append(account) }
        try writer.finish()
        return genesis
    }
}
