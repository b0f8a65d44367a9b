import Yams

/// The core emitter that assembles `docker-compose.yml`: the `init` service, then one service per role from the
/// client emitters, started in the order `init` (completed successfully) → `el` (healthy) → `cl` (healthy) → `vc`.
///
/// Every service mounts the `runtime` volume at ``RuntimeLayout/runtime``; the snapshot folders a service reads are
/// bind-mounted read-only (long syntax, so a missing folder is an error instead of a silently created empty one).
/// Published ports are bound to the options' address with the port offset added.
public struct ComposeFile: Sendable {
    /// One client service with its resolved image.
    public struct Entry: Sendable, Equatable {
        public var role: RuntimeRole
        public var image: String
        public var service: RuntimeService

        public init(role: RuntimeRole, image: String, service: RuntimeService) {
            self.role = role
            self.image = image
            self.service = service
        }
    }

    /// The compose name of the `init` service.
    public static let initServiceName = "init"
    /// The file name in the snapshot folder.
    public static let fileName = "docker-compose.yml"

    public var entries: [Entry]
    public var options: RuntimeOptions
    /// The `uid:gid` `init` gives the validator keys' copies to (the consensus plugin's
    /// ``ConsensusLayout/validatorOwner``); nil leaves them to `init`'s user.
    public var validatorsOwner: String?

    /// `entries` in any order; they are written in role order.
    public init(entries: [Entry], options: RuntimeOptions, validatorsOwner: String? = nil) {
        self.entries = entries.sorted { RuntimeRole.allCases.firstIndex(of: $0.role)! < RuntimeRole.allCases.firstIndex(of: $1.role)! }
        self.options = options
        self.validatorsOwner = validatorsOwner
    }

    /// The host port published for `containerPort` (the container port plus the offset).
    public func hostPort(_ containerPort: Int) -> Int { containerPort + options.portOffset }

    /// The YAML text.
    public func yaml() throws(RuntimeError) -> String {
        var services: [(String, Node)] = [(Self.initServiceName, initService)]
        services += entries.map { ($0.role.serviceName, clientService($0)) }
        let root = ComposeYAML.mapping([
            ("services", ComposeYAML.mapping(services)),
            ("volumes", ComposeYAML.mapping([(RuntimeLayout.volumeName, ComposeYAML.mapping([]))])),
        ])
        let body: String
        do {
            body = try Yams.serialize(node: root, indent: 2, width: -1)
        } catch {
            throw .composeSerialization(String(describing: error))
        }
        return Self.header + body
    }

    private static let header = """
        # A devnet that starts from this snapshot's state: ./up.sh starts it, ./down.sh removes it.
        # `init` prepares every start (fresh genesis time, JWT and empty data directories in the `runtime` volume);
        # the snapshot folder is mounted read-only and never changes. Written by snapshotter.

        """

    // MARK: Services

    private var initService: Node {
        let dataDirectories = entries.map(\.role.serviceName).joined(separator: " ")
        var environment: [(String, Node)] = [
            (InitScript.Variable.snapshotDirectory, ComposeYAML.string(RuntimeLayout.snapshot)),
            (InitScript.Variable.runtimeDirectory, ComposeYAML.string(RuntimeLayout.runtime)),
            (InitScript.Variable.dataDirectories, ComposeYAML.string(dataDirectories)),
            // Compose substitutes the variable from the caller's environment: GENESIS_DELAY_SECONDS=30 ./up.sh
            (InitScript.Variable.genesisDelay,
             ComposeYAML.string("${\(InitScript.Variable.genesisDelay):-\(options.genesisDelaySeconds)}")),
        ]
        if let validatorsOwner { environment.append((InitScript.Variable.validatorsOwner, ComposeYAML.string(validatorsOwner))) }
        return ComposeYAML.mapping([
            ("image", ComposeYAML.string(options.initImage)),
            ("command", ComposeYAML.strings(["/bin/sh", RuntimeLayout.snapshotMount(InitScript.path)], flow: true)),
            ("environment", ComposeYAML.mapping(environment)),
            ("volumes", ComposeYAML.sequence(
                ["runtime", ConsensusLayout.networkFolder, ConsensusLayout.validatorsFolder].map(Self.snapshotBind) + [Self.runtimeVolume])),
            ("restart", ComposeYAML.string("no")),
        ])
    }

    private func clientService(_ entry: Entry) -> Node {
        let service = entry.service
        var pairs: [(String, Node)] = [("image", ComposeYAML.string(entry.image))]
        if let entrypoint = service.entrypoint {
            pairs.append(("entrypoint", ComposeYAML.strings(entrypoint.map(Self.escaped), flow: true)))
        }
        pairs.append(("command", ComposeYAML.strings(service.command.map(Self.escaped))))
        if !service.environment.isEmpty {
            pairs.append(("environment", ComposeYAML.mapping(
                service.environment.map { ($0.name, ComposeYAML.string(Self.escaped($0.value))) })))
        }
        pairs.append(("volumes", ComposeYAML.sequence(service.snapshotFolders.map(Self.snapshotBind) + [Self.runtimeVolume])))
        let ports = RuntimePorts.published(by: entry.role)
        if !ports.isEmpty {
            let address = options.bindAddress.contains(":") ? "[\(options.bindAddress)]" : options.bindAddress
            pairs.append(("ports", ComposeYAML.strings(ports.map { "\(address):\(hostPort($0.port)):\($0.port)" })))
        }
        if let check = service.healthcheck {
            pairs.append(("healthcheck", ComposeYAML.mapping([
                ("test", ComposeYAML.strings(["CMD"] + check.command.map(Self.escaped), flow: true)),
                ("interval", ComposeYAML.seconds(check.intervalSeconds)),
                ("timeout", ComposeYAML.seconds(check.timeoutSeconds)),
                ("retries", ComposeYAML.integer(check.retries)),
                ("start_period", ComposeYAML.seconds(check.startPeriodSeconds)),
            ])))
        }
        let dependency = Self.dependency(of: entry.role)
        pairs.append(("depends_on", ComposeYAML.mapping([
            (dependency.service, ComposeYAML.mapping([("condition", ComposeYAML.string(dependency.condition))]))
        ])))
        if let grace = service.stopGracePeriodSeconds {
            pairs.append(("stop_grace_period", ComposeYAML.seconds(grace)))
        }
        return ComposeYAML.mapping(pairs)
    }

    /// The service a role waits for, and the compose condition it waits on.
    public static func dependency(of role: RuntimeRole) -> (service: String, condition: String) {
        switch role {
        case .execution: (initServiceName, "service_completed_successfully")
        case .beacon: (RuntimeRole.execution.serviceName, "service_healthy")
        case .validator: (RuntimeRole.beacon.serviceName, "service_healthy")
        }
    }

    private static func snapshotBind(_ folder: String) -> Node {
        ComposeYAML.mapping([
            ("type", ComposeYAML.string("bind")),
            ("source", ComposeYAML.string("./\(folder)")),
            ("target", ComposeYAML.string(RuntimeLayout.snapshotMount(folder))),
            ("read_only", ComposeYAML.boolean(true)),
        ])
    }

    private static var runtimeVolume: Node {
        ComposeYAML.mapping([
            ("type", ComposeYAML.string("volume")),
            ("source", ComposeYAML.string(RuntimeLayout.volumeName)),
            ("target", ComposeYAML.string(RuntimeLayout.runtime)),
        ])
    }

    /// Compose substitutes `${VAR}` and `$VAR` in every string; an emitter's `$` is meant for the container.
    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "$", with: "$$")
    }
}
