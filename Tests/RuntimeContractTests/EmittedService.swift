import Yams

/// One service of an emitted `docker-compose.yml`, read back from the YAML text: its image and the command lines the
/// container runs (its entrypoint and command, and its health check), with compose's `$$` escaping undone.
struct EmittedService: Equatable {
    /// What runs in the container.
    enum Invocation: Equatable {
        /// An argv run without a shell.
        case argv([String])
        /// A script run by `shell -c`: the shell must be in the image, then every program of the script is checked.
        case script(shell: String, text: String)
        /// A script file run by `shell <file>`: only the shell is checked here.
        case scriptFile(shell: String, path: String)

        /// How a container runs `argv`: a shell with `-c` or a file, or the program itself.
        init(_ argv: [String]) {
            if let shell = argv.first, Self.shells.contains(CLIContract.baseName(shell)) {
                if argv.count == 3, argv[1] == "-c" {
                    self = .script(shell: shell, text: argv[2])
                    return
                }
                if argv.count == 2, !argv[1].hasPrefix("-") {
                    self = .scriptFile(shell: shell, path: argv[1])
                    return
                }
            }
            self = .argv(argv)
        }

        static let shells: Set<String> = ["sh", "bash", "ash", "dash"]
    }

    var name: String
    var image: String
    /// The service's entrypoint + command.
    var run: Invocation
    /// The health check's command (`CMD` form), if any.
    var healthcheck: Invocation?

    /// The services of a compose file's YAML text, in file order.
    static func services(inComposeYAML yaml: String) throws -> [EmittedService] {
        guard let root = try Yams.compose(yaml: yaml), let services = root["services"]?.mapping else {
            throw ReadError.noServices
        }
        return try services.map { key, node in
            guard let name = key.string, let image = node["image"]?.string else { throw ReadError.noImage(key.string ?? "?") }
            let argv = strings(node["entrypoint"]) + strings(node["command"])
            var healthcheck: Invocation?
            if let test = node["healthcheck"]?["test"] {
                let words = strings(test)
                switch words.first {
                case "CMD": healthcheck = Invocation(Array(words.dropFirst()))
                case "CMD-SHELL": healthcheck = .script(shell: "/bin/sh", text: words.dropFirst().joined(separator: " "))
                default: throw ReadError.healthcheck(name, words)
                }
            }
            return EmittedService(name: name, image: image, run: Invocation(argv), healthcheck: healthcheck)
        }
    }

    /// A YAML string or sequence of strings as compose reads it: `$$` is a literal `$`.
    private static func strings(_ node: Node?) -> [String] {
        guard let node else { return [] }
        let values = node.sequence.map { $0.compactMap(\.string) } ?? node.string.map { [$0] } ?? []
        return values.map { $0.replacingOccurrences(of: "$$", with: "$") }
    }

    enum ReadError: Error, CustomStringConvertible {
        case noServices
        case noImage(String)
        case healthcheck(String, [String])

        var description: String {
            switch self {
            case .noServices: "the compose file has no services mapping"
            case .noImage(let name): "service \(name) has no image"
            case .healthcheck(let name, let test): "service \(name): health check \(test) is neither CMD nor CMD-SHELL"
            }
        }
    }
}
