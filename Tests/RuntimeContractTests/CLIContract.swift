/// The command-line contract of one pinned image, as recorded in `Fixtures/contracts/<client>.json`: the programs the
/// image contains and, for each program the emitters run, the subcommands and flags the client's source declares at
/// exactly that tag. Fixtures/README.md describes the format.
struct CLIContract: Decodable, Equatable {
    /// The image reference the contract was recorded for; it must equal the emitter's default image.
    var image: String
    /// Where the tag was seen as a published release.
    var published: String
    /// Which source the flags were read from.
    var provenance: Provenance
    /// Programs verified to exist in the image.
    var executables: [String]
    /// Programs verified not to exist in the image.
    var absent: [String]
    /// One entry per program and subcommand.
    var commands: [CommandContract]

    struct Provenance: Decodable, Equatable {
        var repository: String
        var tag: String
        var files: [String]
    }

    /// Whether the image is known to contain `program`, named either as written in the fixture or by its last path
    /// component (`/bin/sh` and `sh` are the same program).
    func contains(_ program: String) -> Bool {
        executables.contains(program) || executables.contains(Self.baseName(program))
    }

    /// Whether the image is known to lack `program`.
    func lacks(_ program: String) -> Bool {
        absent.contains(program) || absent.contains(Self.baseName(program))
    }

    /// The contracts recorded for `program` (exactly as written, or by its last path component).
    func commands(of program: String) -> [CommandContract] {
        commands.filter { $0.program == program || $0.program == Self.baseName(program) }
    }

    static func baseName(_ program: String) -> String {
        program.split(separator: "/").last.map(String.init) ?? program
    }
}

/// The contract of one program and subcommand, e.g. `lighthouse bn` or `geth init`.
struct CommandContract: Decodable, Equatable {
    /// The executable as written in the emitted command.
    var program: String
    /// The words after the program that select this command (`[]` for the program itself).
    var subcommand: [String]
    /// Other spellings of the whole subcommand, words separated by spaces (`"beacon_node"` for `bn`).
    var subcommandAliases: [String]
    /// How many positional arguments the command takes.
    var positionals: PositionalRange
    /// The flags, keyed by their canonical spelling (`--datadir`).
    var flags: [String: FlagContract]
    /// Other spellings of flags: alias → canonical spelling.
    var aliases: [String: String]
    /// Flags every invocation must pass.
    var required: [String]
    /// Pairs of flags that may not be passed together.
    var conflicts: [[String]]
    /// Flags that need other flags: flag → the flags it needs.
    var requires: [String: [String]]

    struct PositionalRange: Decodable, Equatable {
        var min: Int
        var max: Int
    }

    /// Every spelling of the subcommand, canonical first.
    var subcommandSpellings: [[String]] {
        [subcommand] + subcommandAliases.map { $0.split(separator: " ").map(String.init) }
    }

    /// The canonical spelling of `flag`, if the contract knows it.
    func canonical(_ flag: String) -> String? {
        if flags[flag] != nil { return flag }
        return aliases[flag].flatMap { flags[$0] != nil ? $0 : nil }
    }

    private enum CodingKeys: String, CodingKey {
        case program, subcommand, subcommandAliases, positionals, flags, aliases, required, conflicts, requires
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        program = try container.decode(String.self, forKey: .program)
        subcommand = try container.decode([String].self, forKey: .subcommand)
        subcommandAliases = try container.decodeIfPresent([String].self, forKey: .subcommandAliases) ?? []
        positionals = try container.decode(PositionalRange.self, forKey: .positionals)
        flags = try container.decode([String: FlagContract].self, forKey: .flags)
        aliases = try container.decodeIfPresent([String: String].self, forKey: .aliases) ?? [:]
        required = try container.decodeIfPresent([String].self, forKey: .required) ?? []
        conflicts = try container.decodeIfPresent([[String]].self, forKey: .conflicts) ?? []
        requires = try container.decodeIfPresent([String: [String]].self, forKey: .requires) ?? [:]
    }
}

/// One flag: the form of its value, the values it accepts, and where it was read.
struct FlagContract: Decodable, Equatable {
    var value: ValueForm
    /// The accepted values of an `enum`, or of each item of a `list`.
    var choices: [String]?
    /// The file and flag or constant name the flag was read from.
    var source: String
}
