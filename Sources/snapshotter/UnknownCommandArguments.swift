import ArgumentParser

/// `create`'s positional arguments, of which it takes none. As the default subcommand, `create` receives the words of
/// a mistyped subcommand (`snapshotter verfy DIR`): it names the subcommand probably meant instead of asking what to
/// snapshot. Declared first in `create`, so it is checked before the other options.
struct UnknownCommandArguments: ParsableArguments {
    @Argument(help: .hidden)
    var words: [String] = []

    /// The subcommands a word may be a misspelling of.
    static var commandNames: [String] {
        Snapshotter.configuration.subcommands.compactMap { $0.configuration.commandName }
    }

    func validate() throws {
        guard let word = words.first else { return }
        let names = Self.commandNames
        let closest = names.map { (name: $0, distance: EditDistance.between(word, $0)) }
            .filter { $0.distance <= 2 }.min { $0.distance < $1.distance }
        if let closest {
            throw ValidationError("unknown command '\(word)'; did you mean \(closest.name)?")
        }
        throw ValidationError("unknown command '\(word)'; the commands are \(names.joined(separator: ", "))")
    }
}
