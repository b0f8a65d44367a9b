import Foundation
import SnapshotKit
import Yams

/// The checks every execution client plugin's tests run (docs/writing-a-plugin.md, "Conformance"):
///
/// - **detection**: the client's real `web3_clientVersion` and Kurtosis service name are detected by a registry
///   holding the plugin, so is every rule it declares, and no other client's sample (``ExecutionClientSample/known``)
///   is taken for it;
/// - **state sources**: each `--state-source` name builds a source without calling the node, and each source declares
///   what it needs from the node, with a one-line summary and remedy;
/// - **runtime**: the plugin's `el` emitter, run by ``RuntimeWriter`` over the fixture snapshot, writes a
///   `docker-compose.yml` whose `el` service has the pinned default image and a health check, and the whole snapshot
///   passes ``SnapshotVerifier``;
/// - **genesis**: the service reads the EL genesis the core writes (`el/genesis.json`, `config` first) from the
///   snapshot mount, and keeps its data, JWT secret and ports where the stack expects them.
///
/// A plugin without the state-source or runtime role skips those checks (the report says so).
public enum ExecutionPluginConformance {
    /// The SnapshotKitTests fixtures in this repository (the snapshot fixture is built from them).
    public static let repositoryFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Tests/SnapshotKitTests/Fixtures")

    /// Runs every check on `plugin`.
    ///
    /// - Parameters:
    ///   - clientVersion: a `web3_clientVersion` answer of a real node of the client.
    ///   - serviceName: the name ethereum-package gives such a node, e.g. `el-1-reth-lighthouse`.
    public static func check(
        _ plugin: any ClientPlugin, clientVersion: String, serviceName: String, fixtures: URL = repositoryFixtures
    ) -> ConformanceReport {
        var checker = Checker(plugin: plugin)
        checker.detection(clientVersion: clientVersion, serviceName: serviceName)
        checker.stateSources()
        checker.runtime(fixtures: fixtures)
        return checker.report
    }

    /// The plugin id of plugin-template, the only plugin whose default image may be a placeholder (under `example/`):
    /// a plugin copied from it fails the runtime check until its image is the client's.
    public static let templateID = "template"
}

/// The checks, accumulating problems in a report.
private struct Checker {
    let plugin: any ClientPlugin
    var report = ConformanceReport()

    init(plugin: any ClientPlugin) {
        self.plugin = plugin
    }

    private mutating func fail(_ check: String, _ problem: String) {
        report.issues.append(.init(check: check, problem: problem))
    }

    // MARK: - Detection

    mutating func detection(clientVersion: String, serviceName: String) {
        let check = "detection"
        report.checks.append(check)
        let id = plugin.id
        if plugin.layer != .execution { fail(check, "layer is \(plugin.layer.rawValue), not execution") }
        if id.range(of: "^[a-z][a-z0-9-]*$", options: .regularExpression) == nil {
            fail(check, "id '\(id)' must be lowercase letters, digits and '-' (it is typed as --el \(id))")
        }
        if plugin.displayName.isEmpty { fail(check, "displayName is empty") }
        let rules = plugin.detection
        if rules.clientVersionNames.isEmpty || rules.clientVersionNames.contains(where: \.isEmpty) {
            fail(check, "clientVersionNames must list the first '/'-field of the client's web3_clientVersion, e.g. \"Geth\"")
        }
        if rules.serviceNameTokens.isEmpty {
            fail(check, "serviceNameTokens must list the client's token in Kurtosis service names, e.g. \"geth\"")
        }
        for token in rules.serviceNameTokens where token.isEmpty || token.contains("-") || token != token.lowercased() {
            fail(check, "service name token '\(token)' must be one lowercase '-'-free word (names are split on '-')")
        }
        let registry: PluginRegistry
        do { registry = try PluginRegistry([plugin]) } catch {
            fail(check, "a registry refuses the plugin: \(error)")
            return
        }
        func detects(version: String) -> Bool { registry.detect(clientVersion: version)?.id == id }
        func detects(service: String) -> Bool { registry.detect(serviceName: service, layer: .execution)?.id == id }

        if !detects(version: clientVersion) {
            fail(check, "the example web3_clientVersion \"\(clientVersion)\" is not detected: its first '/'-field must be one of "
                + "clientVersionNames \(rules.clientVersionNames)")
        }
        if KurtosisServiceName(serviceName)?.kind != .execution {
            fail(check, "the example service name \"\(serviceName)\" is not an ethereum-package EL name (el-{index}-{el}-{cl})")
        } else if !detects(service: serviceName) {
            fail(check, "the example service name \"\(serviceName)\" is not detected: its client token must be one of "
                + "serviceNameTokens \(rules.serviceNameTokens)")
        }
        for name in rules.clientVersionNames where !name.isEmpty && !detects(version: "\(name)/v1.0.0/linux-amd64") {
            fail(check, "clientVersionNames entry \"\(name)\" does not detect \"\(name)/v1.0.0/linux-amd64\" (it must be a whole first field)")
        }
        for token in rules.serviceNameTokens where !token.isEmpty && !token.contains("-") {
            for service in ["el-1-\(token)-lighthouse", "vc-01-\(token)-lighthouse", "cl-1-lighthouse-\(token)"] where !detects(service: service) {
                fail(check, "service name token \"\(token)\" does not detect \(service)")
            }
        }
        for sample in ExecutionClientSample.known {
            let own = sample.client == id
            if detects(version: sample.clientVersion) != own {
                fail(check, own
                    ? "\(sample.client)'s web3_clientVersion \"\(sample.clientVersion)\" is not detected"
                    : "\(sample.client)'s web3_clientVersion \"\(sample.clientVersion)\" is taken for \(id): the rules collide")
            }
            if detects(service: sample.serviceName) != own {
                fail(check, own
                    ? "\(sample.client)'s service name \(sample.serviceName) is not detected"
                    : "\(sample.client)'s service name \(sample.serviceName) is taken for \(id): the rules collide")
            }
        }
    }

    // MARK: - State sources

    mutating func stateSources() {
        let check = "state sources"
        guard let execution = plugin as? any ExecutionClientPlugin else {
            if plugin.roles.contains(.stateSource) {
                report.checks.append(check)
                fail(check, "roles lists state-source but the plugin does not adopt ExecutionClientPlugin")
            } else {
                report.checks.append("\(check) (skipped: no state-source role)")
            }
            return
        }
        report.checks.append(check)
        if !plugin.roles.contains(.stateSource) { fail(check, "the plugin adopts ExecutionClientPlugin but roles lacks state-source") }
        let names = execution.stateSourceNames
        if names.isEmpty { fail(check, "stateSourceNames is empty: list the --state-source names, default first") }
        if Set(names).count != names.count { fail(check, "stateSourceNames \(names) has duplicates") }
        for name in names where name.range(of: "^[a-z][a-z0-9-]*$", options: .regularExpression) == nil {
            fail(check, "state source name '\(name)' must be lowercase letters, digits and '-'")
        }
        for name in names {
            let source: any StateSource
            do { source = try execution.makeStateSource(.offline(preference: name)) } catch {
                fail(check, "makeStateSource(\(name)) throws without a node (it must not call the node): \(error)")
                continue
            }
            if source.name.isEmpty { fail(check, "the '\(name)' source has an empty name") }
            if source.requirements.isEmpty {
                fail(check, "the '\(name)' source declares no requirements: name what the node must provide (API namespace, history, flags)")
            }
            var seen = Set<String>()
            for requirement in source.requirements {
                let label = "the '\(name)' source's requirement '\(requirement.id)'"
                if requirement.id.range(of: "^[a-z][a-z0-9-]*$", options: .regularExpression) == nil {
                    fail(check, "\(label): id must be lowercase letters, digits and '-'")
                }
                if !seen.insert(requirement.id).inserted { fail(check, "\(label) is declared twice") }
                for (field, text) in [("summary", requirement.summary), ("remedy", requirement.remedy)]
                where text.trimmingCharacters(in: .whitespaces).isEmpty || text.contains(where: \.isNewline) {
                    fail(check, "\(label): \(field) must be one non-empty line (it is quoted in one-line errors)")
                }
            }
        }
        if let first = names.first {
            do {
                let byDefault = try execution.makeStateSource(.offline(preference: nil))
                let named = try execution.makeStateSource(.offline(preference: first))
                if byDefault.name != named.name {
                    fail(check, "the default source is '\(byDefault.name)' but the first of stateSourceNames builds '\(named.name)'")
                }
            } catch {
                fail(check, "makeStateSource without a preference throws: \(error)")
            }
        }
        do {
            _ = try execution.makeStateSource(.offline(preference: "no-such-source"))
            fail(check, "makeStateSource accepts the unknown --state-source 'no-such-source' instead of throwing")
        } catch {
            let text = String(describing: error)
            if text.isEmpty || text.contains(where: \.isNewline) {
                fail(check, "the error for an unknown --state-source must be one non-empty line, got \"\(text)\"")
            }
        }
    }

    // MARK: - Runtime and genesis

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
