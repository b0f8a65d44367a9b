import ArgumentParser
import Foundation
import SnapshotKit
import SnapshotterCLI

/// `snapshotter inspect-genesis FILE`: what a geth-style genesis holds and which block it defines.
struct InspectGenesisCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect-genesis",
        abstract: "Read a geth-style genesis.json and print its accounts, state root and genesis block hash.",
        discussion: """
            The state root is the Merkle-Patricia root of the alloc; the hash is that of the genesis block header \
            as go-ethereum builds it (fork fields by the chain config at the genesis number and timestamp).

            \(CommandFailure.exitCodeHelp)
            """
    )

    @Argument(help: ArgumentHelp("Path to a geth-style genesis.json.", valueName: "file"))
    var file: String

    @Flag(name: .long, help: "Print one JSON object instead of text.")
    var json = false

    @Flag(help: "No progress on stderr (shown when reading the alloc takes more than a moment).")
    var quiet = false

    func run() throws {
        let progress = standardErrorProgress(quiet: quiet)
        let genesis = try reportingErrors { try GenesisSummary(contentsOf: URL(fileURLWithPath: file), progress: progress?.handler) }
        progress?.finishIfShown()
        let summary = Summary(genesis)
        print(json ? JSONWriter.string(summary.json, indent: 2) : ExternalText.printable(summary.text))
    }

    /// The figures the command prints.
    private struct Summary {
        let chainId: UInt64?
        let accounts: Int
        let contracts: Int
        let storageSlots: Int
        let stateRoot: [UInt8]
        let hash: [UInt8]
        let number: UInt64
        let timestamp: UInt64
        let forks: [String]

        init(_ genesis: GenesisSummary) {
            let parameters = genesis.parameters
            let header = genesis.header()
            chainId = parameters.config.chainId
            accounts = genesis.accounts
            contracts = genesis.contracts
            storageSlots = genesis.storageSlots
            stateRoot = header.stateRoot
            hash = header.hash()
            number = parameters.number
            timestamp = parameters.timestamp
            forks = parameters.config.activeForks(atBlock: number, timestamp: timestamp).map(\.name)
        }

        var json: JSONValue {
            .object([
                ("chainId", chainId.map { .integer($0) } ?? .null),
                ("accounts", .integer(accounts)),
                ("contracts", .integer(contracts)),
                ("storageSlots", .integer(storageSlots)),
                ("stateRoot", .string(Hex.encode(stateRoot))),
                ("hash", .string(Hex.encode(hash))),
                ("number", .integer(number)),
                ("timestamp", .integer(timestamp)),
                ("forks", .array(forks.map { .string($0) })),
            ])
        }

        var text: String {
            let rows: [(String, String)] = [
                ("chain id", chainId.map(String.init) ?? "(none)"),
                ("accounts", String(accounts)),
                ("contracts", String(contracts)),
                ("storage slots", String(storageSlots)),
                ("state root", Hex.encode(stateRoot)),
                ("genesis hash", Hex.encode(hash)),
                ("number", String(number)),
                ("timestamp", String(timestamp)),
                ("forks at genesis", forks.isEmpty ? "(none)" : forks.joined(separator: ", ")),
            ]
            let width = rows.map(\.0.count).max() ?? 0
            return rows.map { $0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n")
        }
    }
}
