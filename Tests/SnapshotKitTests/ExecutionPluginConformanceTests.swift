import Foundation
import SnapshotKit
import SnapshotTestSupport
import Testing

/// The conformance checks themselves: a well-formed probe plugin passes, and each way of breaking it is reported by
/// the check that owns it.
@Suite struct ExecutionPluginConformanceTests {
    /// A plugin whose every part can be broken.
    struct ProbePlugin: ExecutionClientPlugin, RuntimeClientPlugin {
        var id = "probe"
        var displayName = "Probe"
        var layer = ClientLayer.execution
        var detection = ClientDetectionRules(clientVersionNames: ["Probe"], serviceNameTokens: ["probe"])
        var roles: [PluginRole] = [.stateSource, .runtime]
        var stateSourceNames = ["walk"]
        var requirements = [NodeRequirement(id: "walk-api", summary: "the walk API", remedy: "start the node with --walk")]
        var acceptsUnknownSource = false
        var needsNodeToBuild = false
        /// A source the default chain adds after the named one, that no `--state-source` name builds.
        var strayFallback: String?
        var emitter = ProbeEmitter()

        var runtimeEmitters: [any RuntimeEmitter] { [emitter] }
        var stateSources: [StateSourceFactory] { [] }

        func makeStateSource(_ environment: StateSourceEnvironment) throws -> any StateSource {
            if needsNodeToBuild { throw UnknownStateSourceError(plugin: id, name: "offline", known: []) }
            guard acceptsUnknownSource || environment.preference.map(stateSourceNames.contains) ?? true else {
                throw UnknownStateSourceError(plugin: id, name: environment.preference ?? "", known: stateSourceNames)
            }
            return ProbeSource(requirements: requirements)
        }

        func makeStateSources(_ environment: StateSourceEnvironment) throws -> StateSourceChain {
            let named = try makeStateSource(environment)
            guard let strayFallback, environment.preference == nil else { return StateSourceChain([named]) }
            return StateSourceChain([named, ProbeSource(name: strayFallback, requirements: requirements)])
        }
    }

    struct ProbeSource: StateSource {
        var name = "walk"
        let requirements: [NodeRequirement]
        func checkRequirements(at block: PinnedBlock) async throws {}
        func accountPages(_ context: StateSourceContext) -> AsyncThrowingStream<[Account], any Error> {
            AsyncThrowingStream { $0.finish() }
        }
    }

    struct ProbeEmitter: RuntimeEmitter {
        var role = RuntimeRole.execution
        var image = "example.org/probe:v1.0.0"
        var service = RuntimeService(
            entrypoint: ["probe"],
            command: ["--genesis=/snapshot/el/genesis.json", "--datadir=/runtime/el", "--rpc=8545", "--ws=8546",
                      "--engine=8551", "--jwt=/runtime/jwt.hex"],
            snapshotFolders: ["el"], healthcheck: RuntimeHealthcheck(command: ["probe", "health"]))

        func defaultImage(for snapshot: RuntimeSnapshot) throws(RuntimeError) -> String { image }
        func service(_ context: RuntimeContext) -> RuntimeService { service }
    }

    static let version = "Probe/v1.0.0/linux-amd64"
    static let service = "el-1-probe-lighthouse"

    static func issues(_ plugin: ProbePlugin, version: String = version, service: String = service, of check: String) -> [String] {
        ExecutionPluginConformance.check(plugin, clientVersion: version, serviceName: service).issues(of: check).map(\.problem)
    }

    @Test func aWellFormedPluginPasses() {
        let report = ExecutionPluginConformance.check(ProbePlugin(), clientVersion: Self.version, serviceName: Self.service)
        #expect(report.issues.isEmpty, "\(report)")
        #expect(report.checks == ["detection", "state sources", "runtime", "genesis"])
    }

    @Test func detectionProblems() {
        #expect(Self.issues(ProbePlugin(), version: "probe-node/v1", of: "detection") == [
            "the example web3_clientVersion \"probe-node/v1\" is not detected: its first '/'-field must be one of clientVersionNames [\"Probe\"]",
        ])
        #expect(Self.issues(ProbePlugin(), service: "probe-1", of: "detection") == [
            "the example service name \"probe-1\" is not an ethereum-package EL name (el-{index}-{el}-{cl})",
        ])
        var greedy = ProbePlugin()
        greedy.detection = ClientDetectionRules(clientVersionNames: ["Probe", "Geth"], serviceNameTokens: ["probe"])
        #expect(Self.issues(greedy, of: "detection") == [
            "geth's web3_clientVersion \"Geth/v1.16.8-stable-6a0c4f8c/linux-amd64/go1.24.1\" is taken for probe: the rules collide",
        ])
        var dashed = ProbePlugin()
        dashed.detection = ClientDetectionRules(clientVersionNames: ["Probe"], serviceNameTokens: ["probe", "probe-node"])
        #expect(Self.issues(dashed, of: "detection") == [
            "service name token 'probe-node' must be one lowercase '-'-free word (names are split on '-')",
        ])
        var reth = ProbePlugin()
        reth.id = "reth"
        #expect(Self.issues(reth, of: "detection") == [
            "reth's web3_clientVersion \"reth/v1.9.3-27a8c0f/x86_64-unknown-linux-gnu\" is not detected",
            "reth's service name el-4-reth-lighthouse is not detected",
        ])
        var consensus = ProbePlugin()
        consensus.layer = .consensus
        #expect(Self.issues(consensus, of: "detection").first == "layer is consensus, not execution")
    }

    @Test func stateSourceProblems() {
        var silent = ProbePlugin()
        silent.requirements = []
        #expect(Self.issues(silent, of: "state sources") == [
            "the 'walk' source declares no requirements: name what the node must provide (API namespace, history, flags)",
        ])
        var vague = ProbePlugin()
        vague.requirements = [NodeRequirement(id: "walk-api", summary: "the walk API", remedy: " ")]
        #expect(Self.issues(vague, of: "state sources") == [
            "the 'walk' source's requirement 'walk-api': remedy must be one non-empty line (it is quoted in one-line errors)",
        ])
        var lax = ProbePlugin()
        lax.acceptsUnknownSource = true
        #expect(Self.issues(lax, of: "state sources") == [
            "makeStateSource accepts the unknown --state-source 'no-such-source' instead of throwing",
        ])
        var online = ProbePlugin()
        online.needsNodeToBuild = true
        #expect(Self.issues(online, of: "state sources").first?.hasPrefix("makeStateSource(walk) throws without a node") == true)
        var stray = ProbePlugin()
        stray.strayFallback = "ghost"
        #expect(Self.issues(stray, of: "state sources") == ["the default chain holds 'ghost', which no --state-source name builds"])
        var undeclared = ProbePlugin()
        undeclared.roles = [.runtime]
        #expect(Self.issues(undeclared, of: "state sources") == ["the plugin adopts ExecutionClientPlugin but roles lacks state-source"])
    }

    @Test func runtimeProblems() {
        var unpinned = ProbePlugin()
        unpinned.emitter.image = "example.org/probe:latest"
        #expect(Self.issues(unpinned, of: "runtime").contains("the default image example.org/probe:latest is not pinned to a version"))
        var placeholder = ProbePlugin()
        placeholder.emitter.image = "example/probe:v0.0.0"
        #expect(Self.issues(placeholder, of: "runtime") == [
            "the default image example/probe:v0.0.0 is the template's placeholder: pin the client's released image",
        ])
        var unhealthy = ProbePlugin()
        unhealthy.emitter.service.healthcheck = nil
        #expect(Self.issues(unhealthy, of: "runtime").first
            == "the service has no health check: the beacon node waits for the el service to be healthy")
        var beacon = ProbePlugin()
        beacon.emitter.role = .beacon
        #expect(Self.issues(beacon, of: "runtime") == [
            "an execution plugin has exactly one emitter, of role execution; it has [\"beacon\"]",
        ])
    }

    @Test func genesisProblems() {
        var elsewhere = ProbePlugin()
        elsewhere.emitter.service.command[0] = "--genesis=/data/genesis.json"
        elsewhere.emitter.service.snapshotFolders = []
        #expect(Self.issues(elsewhere, of: "genesis") == [
            "the service does not mount the snapshot's el folder: list \"el\" in snapshotFolders",
            "the service never names /snapshot/el/genesis.json (RuntimeLayout.executionGenesis): start the client from the "
                + "genesis the core wrote (convert it in the start script if the client needs another form)",
        ])
        var defaults = ProbePlugin()
        defaults.emitter.service.command = ["--genesis=/snapshot/el/genesis.json", "--datadir=/runtime/el", "--jwt=/runtime/jwt.hex"]
        #expect(Self.issues(defaults, of: "genesis") == [
            "the service never names the JSON-RPC port 8545 (RuntimePorts.executionRPC)",
            "the service never names the WebSocket port 8546 (RuntimePorts.executionWebSocket)",
            "the service never names the engine port 8551 (RuntimePorts.engine)",
        ])
    }

    @Test func rolesWithoutTheirProtocolsAreSkippedOrReported() {
        struct DetectionOnly: ClientPlugin {
            let id = "probe"
            let displayName = "Probe"
            let layer = ClientLayer.execution
            let detection = ClientDetectionRules(clientVersionNames: ["Probe"], serviceNameTokens: ["probe"])
            var roles: [PluginRole] = []
        }
        let report = ExecutionPluginConformance.check(DetectionOnly(), clientVersion: Self.version, serviceName: Self.service)
        #expect(report.issues.isEmpty)
        #expect(report.checks == ["detection", "state sources (skipped: no state-source role)", "runtime and genesis (skipped: no runtime role)"])
        var claims = DetectionOnly()
        claims.roles = [.stateSource, .runtime]
        #expect(ExecutionPluginConformance.check(claims, clientVersion: Self.version, serviceName: Self.service).issues.map(\.description) == [
            "state sources: roles lists state-source but the plugin does not adopt ExecutionClientPlugin",
            "runtime: roles lists runtime but the plugin does not adopt RuntimeClientPlugin",
        ])
    }
}
