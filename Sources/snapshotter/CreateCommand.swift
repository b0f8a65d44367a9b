import ArgumentParser
import Foundation
import SnapshotKit

/// `snapshotter create`: read the complete state of one block, verify it, and write a snapshot folder.
struct CreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Snapshot a devnet's state at one block into a folder (the default command).",
        discussion: """
            Reads the complete world state at the pinned block from an enclave (--enclave), a node (--rpc-url with \
            --genesis-dir) or a state dump (--from-dump with --genesis-dir), proves it complete (the recomputed state \
            root must equal the block's stateRoot), and writes <out>/<name>/ with el/genesis.json (the new genesis, \
            every fork active at the block moved to genesis), the consensus genesis and validator keys of the \
            consensus plugin (cl/…, validators/…), source/config.yaml, source/mnemonics.yaml and metadata.json. \
            The folder is assembled in <out>/.<name>.partial-<random> and renamed at the end; a failed or \
            interrupted run leaves nothing behind.

            The folder also holds the runtime — docker-compose.yml, up.sh, down.sh, runtime/init.sh, README.md — \
            whose execution client (--runtime-el) may differ from the source's: a snapshot taken from any client runs \
            on any supported one. The finished folder is verified as `snapshotter verify` does before it is renamed.

            An execution plugin may offer several state sources (see `snapshotter plugins`): without --state-source, \
            the next one takes over when one cannot read the complete state from this node (e.g. geth without \
            preimages, Besu with its default Bonsai database), and stderr says so.

            Progress goes to stderr (unless --quiet), the summary to stdout.

            \(CommandFailure.exitCodeHelp)
            """
    )

    /// First, so that a mistyped subcommand is named before any other complaint.
    @OptionGroup
    var unknownCommand: UnknownCommandArguments

    @OptionGroup(title: "What to snapshot")
    var source: CreateSourceOptions

    @OptionGroup(title: "Node")
    var rpc: RPCOptions

    @OptionGroup(title: "Consensus genesis")
    var genesis: CreateGenesisOptions

    @OptionGroup(title: "Runtime")
    var runtime: CreateRuntimeOptions

    @OptionGroup(title: "Output")
    var output: CreateOutputOptions

    func run() async throws {
        let started = ContinuousClock.now
        let snapshot = try await reportingErrors {
            try await CreateWorkflow(
                source: source, rpc: rpc, genesis: genesis, runtime: runtime, output: output, registry: try Registry.make(),
                progress: output.progress()
            ).run()
        }
        let summary = CreateSummary(snapshot: snapshot, seconds: (ContinuousClock.now - started).seconds)
        print(output.json ? JSONWriter.string(summary.json, indent: 2) : ExternalText.printable(summary.text))
    }
}
