import SnapshotKit

/// An execution client plugin that runs snapshots with a stand-in service, for testing the core without a real client.
public struct StubExecutionRuntimePlugin: RuntimeClientPlugin {
    public init() {}

    public let id = "stub-el"
    public let displayName = "Stub EL"
    public let layer = ClientLayer.execution
    public let detection = ClientDetectionRules(clientVersionNames: ["StubEL"], serviceNameTokens: ["stub-el"])
    public var roles: [PluginRole] { [.runtime] }
    public var runtimeEmitters: [any RuntimeEmitter] { [StubRuntimeEmitter(role: .execution)] }
}

/// A consensus client plugin that runs snapshots with stand-in beacon node and validator client services.
public struct StubConsensusRuntimePlugin: RuntimeClientPlugin {
    public init() {}

    public let id = "stub-cl"
    public let displayName = "Stub CL"
    public let layer = ClientLayer.consensus
    public let detection = ClientDetectionRules(clientVersionNames: ["StubCL"], serviceNameTokens: ["stub-cl"])
    public var roles: [PluginRole] { [.runtime] }
    public var runtimeEmitters: [any RuntimeEmitter] { [StubRuntimeEmitter(role: .beacon), StubRuntimeEmitter(role: .validator)] }
}

/// A stand-in service: `example/stub-<role>:v1`, reading the EL genesis (execution) and a `$HOME` that compose must
/// not substitute.
public struct StubRuntimeEmitter: RuntimeEmitter {
    public let role: RuntimeRole

    public init(role: RuntimeRole) {
        self.role = role
    }

    public static func image(for role: RuntimeRole) -> String { "example/stub-\(role.serviceName):v1" }

    public func defaultImage(for snapshot: RuntimeSnapshot) throws(RuntimeError) -> String { Self.image(for: role) }

    public func service(_ context: RuntimeContext) -> RuntimeService {
        RuntimeService(
            entrypoint: role == .execution ? ["/bin/sh", "-c"] : nil,
            command: role == .execution
                ? ["echo $HOME && exec stub-el --datadir=\(context.dataDirectory) --genesis=\(RuntimeLayout.executionGenesis)"]
                : ["stub-\(role.serviceName)", "--datadir=\(context.dataDirectory)"],
            environment: [RuntimeEnvironmentVariable("STUB_ROLE", role.rawValue)],
            snapshotFolders: role == .execution ? ["el"] : [],
            healthcheck: role == .validator ? nil : RuntimeHealthcheck(command: ["stub-health", role.serviceName]))
    }

    public func readmeNotes(_ context: RuntimeContext) -> [String] { ["Stub \(role.rawValue) note."] }
}
