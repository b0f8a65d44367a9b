import ArgumentParser
import Foundation
import SnapshotKit

/// `snapshotter cl-genesis`: the genesis BeaconState of a consensus config, as eth-genesis-state-generator writes it.
struct CLGenesisCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cl-genesis",
        abstract: "Build a consensus genesis state (genesis.ssz) from config.yaml, the EL genesis.json and mnemonics.yaml.",
        discussion: """
            Reproduces `eth-genesis-state-generator beaconchain` (ethpandaops/eth-beacon-genesis) for Electra and \
            Fulu: the config is used as is (genesis time = MIN_GENESIS_TIME + GENESIS_DELAY, fork = the latest fork at \
            epoch 0), validators come from the mnemonics file, the execution payload header is the EL genesis block.

            \(CommandFailure.exitCodeHelp)
            """
    )

    @Option(name: .long, help: ArgumentHelp("The consensus config.yaml.", valueName: "file"))
    var config: String

    @Option(name: .customLong("el-genesis"), help: ArgumentHelp("The geth-style EL genesis.json.", valueName: "file"))
    var elGenesis: String

    @Option(name: .long, help: ArgumentHelp("The mnemonics.yaml listing the validators.", valueName: "file"))
    var mnemonics: String

    @Option(name: .long, help: ArgumentHelp("Folder to write genesis.ssz into (created if missing).", valueName: "dir"))
    var out: String

    @Flag(name: .long, help: "Print one JSON object instead of text.")
    var json = false

    func validate() throws {
        try OutputFolderArgument.validate(out)
    }

    func run() throws {
        let summary = try reportingErrors { () throws -> Summary in
            let config = try ConsensusConfig(contentsOf: URL(fileURLWithPath: self.config))
            let builder = try GenesisStateBuilder(config: config)
            let execution = ExecutionGenesisBlock(try GenesisFile(contentsOf: URL(fileURLWithPath: elGenesis)))
            try builder.checkExecutionForks(execution)
            let validators = try MnemonicsFile(contentsOf: URL(fileURLWithPath: mnemonics)).deriveValidators()
            let state = try builder.build(validators: validators.map(\.validator), execution: execution)
            let folder = URL(fileURLWithPath: out)
            let file = folder.appendingPathComponent("genesis.ssz")
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(state.serialize()).write(to: file, options: .atomic)
            } catch {
                throw ConsensusGenesisError.unwritable(path: file.path, reason: FileErrorReason.of(error))
            }
            return Summary(state: state, elGenesisHash: execution.hash, file: file.path)
        }
        print(json ? JSONWriter.string(summary.json, indent: 2) : ExternalText.printable(summary.text))
    }

    /// The figures the command prints.
    private struct Summary {
        let fork: String
        let preset: String
        let validators: Int
        let genesisTime: UInt64
        let stateRoot: String
        let genesisValidatorsRoot: String
        let elGenesisHash: String
        let file: String

        init(state: BeaconState, elGenesisHash: [UInt8], file: String) {
            fork = state.consensusFork.rawValue
            preset = state.preset.name
            validators = state.validators.count
            genesisTime = state.genesisTime
            stateRoot = Hex.encode(state.hashTreeRoot())
            genesisValidatorsRoot = Hex.encode(state.genesisValidatorsRoot)
            self.elGenesisHash = Hex.encode(elGenesisHash)
            self.file = file
        }

        var json: JSONValue {
            .object([
                ("fork", .string(fork)),
                ("preset", .string(preset)),
                ("validators", .integer(validators)),
                ("genesisTime", .integer(genesisTime)),
                ("stateRoot", .string(stateRoot)),
                ("genesisValidatorsRoot", .string(genesisValidatorsRoot)),
                ("elGenesisHash", .string(elGenesisHash)),
                ("file", .string(file)),
            ])
        }

        var text: String {
            let rows: [(String, String)] = [
                ("fork", fork),
                ("preset", preset),
                ("validators", String(validators)),
                ("genesis time", String(genesisTime)),
                ("state root", stateRoot),
                ("genesis validators root", genesisValidatorsRoot),
                ("EL genesis hash", elGenesisHash),
                ("written", file),
            ]
            let width = rows.map(\.0.count).max() ?? 0
            return rows.map { $0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.1 }
                .joined(separator: "\n")
        }
    }
}
