/// An execution client's emitter: one pinned image that runs every fork up to `latestSupportedFork`, and an `el`
/// service built by ``RuntimeService/execution(entrypoint:command:gasLimitFlag:healthcheck:context:)``, so each
/// emitter is its client's flags.
public protocol ExecutionRuntimeEmitter: RuntimeEmitter {
    /// The plugin id named in errors, e.g. `besu`.
    static var client: String { get }
    /// The pinned default image.
    static var defaultImage: String { get }
    /// The latest consensus fork whose execution side the default image supports.
    static var latestSupportedFork: ConsensusFork { get }
}

extension ExecutionRuntimeEmitter {
    public var role: RuntimeRole { .execution }

    /// `defaultImage`, or an error naming `--el-image` when the snapshot's fork is newer than the image runs.
    public func defaultImage(for snapshot: RuntimeSnapshot) throws(RuntimeError) -> String {
        try PinnedImage(
            client: Self.client, image: Self.defaultImage, latestSupportedFork: Self.latestSupportedFork,
            overrideOption: "--el-image"
        ).image(for: snapshot)
    }
}

extension RuntimeService {
    /// The `el` service of an execution client: `entrypoint` and `command` are the client's; it reads the snapshot's
    /// `el/` folder, keeps the snapshot's gas limit with `gasLimitFlag` (`--miner.gaslimit`, written
    /// `--miner.gaslimit=<limit>`) when the snapshot knows it, is healthy once its JSON-RPC answers (by default the
    /// bash probe ``RuntimeHealthcheck/executionJSONRPC``) and gets 30 s to stop.
    public static func execution(
        entrypoint: [String], command: [String], gasLimitFlag: String?, healthcheck: RuntimeHealthcheck = .executionJSONRPC,
        context: RuntimeContext
    ) -> RuntimeService {
        var command = command
        if let gasLimitFlag, let gasLimit = context.snapshot.gasLimit { command.append("\(gasLimitFlag)=\(gasLimit)") }
        return RuntimeService(
            entrypoint: entrypoint, command: command, snapshotFolders: ["el"], healthcheck: healthcheck,
            stopGracePeriodSeconds: 30)
    }
}
