import ArgumentParser
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
            """,
        version: ToolInfo.version,
        subcommands: [PluginsCommand.self, InspectGenesisCommand.self, CLGenesisCommand.self, VerifyCommand.self]
    )
}
