import ArgumentParser
import Foundation
import SnapshotKit

/// The `snapshotter` command: freeze a Kurtosis devnet's state into a standalone docker-compose stack.
@main
struct Snapshotter: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshotter",
        abstract: "Freeze an Ethereum devnet's state into a standalone docker-compose stack.",
        discussion: """
            snapshotter discovers a Kurtosis enclave's services, reads the complete world state at one block, \
            proves it complete (the recomputed state root must equal the block's stateRoot), builds a new genesis \
            that carries that state, and emits a runtime that starts a fresh chain from it at every `up`.

            Without a subcommand, `create` runs (see `snapshotter create --help`).

            \(CommandFailure.exitCodeHelp)
            """,
        version: ToolInfo.version,
        subcommands: [
            CreateCommand.self, PluginsCommand.self, InspectGenesisCommand.self, CLGenesisCommand.self, VerifyCommand.self,
        ],
        defaultSubcommand: CreateCommand.self
    )

    /// Parses and runs the command; a command line that does not parse is one `error:` line and exit code 2, like
    /// every other bad input.
    /// A termination signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) at any point removes what the run left half-done and
    /// exits with 128 + its number (`SignalCleanup`).
    static func main() async {
        SignalCleanup.install()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            SignalCleanup.exitIfSignalled()
            if exitCode(for: error) == .validationFailure {
                let exit = CommandFailure.report(message(for: error) + " (see snapshotter --help)")
                Foundation.exit(exit.rawValue)
            }
            exit(withError: error)
        }
        SignalCleanup.exitIfSignalled()
    }
}
