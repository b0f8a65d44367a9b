/// One client service of the stack, as its emitter defines it. The core adds the rest: the service name, the
/// runtime volume, published ports, dependencies and the `$` escaping compose needs.
public struct RuntimeService: Sendable, Equatable {
    /// Overrides the image's entrypoint; nil keeps it.
    public var entrypoint: [String]?
    /// The command (arguments to the entrypoint).
    public var command: [String]
    /// Environment variables, in order.
    public var environment: [RuntimeEnvironmentVariable]
    /// Subfolders of the snapshot folder the service reads, mounted read-only at ``RuntimeLayout/snapshotMount(_:)``.
    public var snapshotFolders: [String]
    /// How compose tells the service is ready; the EL and the beacon node must have one (their dependents wait for it).
    public var healthcheck: RuntimeHealthcheck?
    /// Seconds compose waits after SIGTERM before killing the service; nil for compose's default.
    public var stopGracePeriodSeconds: Int?

    public init(
        entrypoint: [String]? = nil, command: [String], environment: [RuntimeEnvironmentVariable] = [],
        snapshotFolders: [String] = [], healthcheck: RuntimeHealthcheck? = nil, stopGracePeriodSeconds: Int? = nil
    ) {
        self.entrypoint = entrypoint
        self.command = command
        self.environment = environment
        self.snapshotFolders = snapshotFolders
        self.healthcheck = healthcheck
        self.stopGracePeriodSeconds = stopGracePeriodSeconds
    }
}

/// One `NAME=value` of a service's environment.
public struct RuntimeEnvironmentVariable: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A compose health check: `test` is run inside the container (exec form, no shell unless the test starts one).
public struct RuntimeHealthcheck: Sendable, Equatable {
    /// The command, without compose's leading `CMD`.
    public var command: [String]
    public var intervalSeconds: Int
    public var timeoutSeconds: Int
    /// Consecutive failures before the service is unhealthy.
    public var retries: Int
    /// Seconds after start during which failures do not count.
    public var startPeriodSeconds: Int

    public init(command: [String], intervalSeconds: Int = 2, timeoutSeconds: Int = 5, retries: Int = 300, startPeriodSeconds: Int = 5) {
        self.command = command
        self.intervalSeconds = intervalSeconds
        self.timeoutSeconds = timeoutSeconds
        self.retries = retries
        self.startPeriodSeconds = startPeriodSeconds
    }
}
