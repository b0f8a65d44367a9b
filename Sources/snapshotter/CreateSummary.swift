import Foundation
import SnapshotKit

/// What `create` prints on stdout when it is done.
struct CreateSummary {
    let path: String
    let accounts: Int
    let contracts: Int
    let storageSlots: Int
    let stateRoot: [UInt8]
    let blockNumber: UInt64
    let blockHash: [UInt8]?
    let genesisHash: [UInt8]
    let genesisBytes: Int
    let stateSource: String
    let elClient: String?
    let activatedForks: [String]
    let droppedForks: [String]
    /// The consensus plugin and what it wrote, when the snapshot has a consensus genesis.
    let consensus: (client: String, result: ConsensusGenesisResult)?
    /// `metadata.json`'s `runtime` section: the client and image of `el` and `cl`.
    let runtime: JSONValue?
    let seconds: Double

    init(result: SnapshotRun, seconds: Double) {
        // The run only finishes after the EL genesis step.
        let genesis = result.draft.executionGenesis!
        path = result.folder.path
        accounts = genesis.state.accounts
        contracts = genesis.state.contracts
        storageSlots = genesis.state.storageSlots
        stateRoot = genesis.state.stateRoot
        blockNumber = result.draft.block.number
        blockHash = result.draft.source.blockHash
        genesisHash = genesis.genesisHash
        genesisBytes = genesis.bytes
        stateSource = genesis.state.source
        elClient = result.draft.source.elClient
        activatedForks = genesis.activatedForks
        droppedForks = genesis.droppedForks
        consensus = result.draft.consensusGenesis
        runtime = result.draft.runtimeMetadata
        self.seconds = seconds
    }

    var json: JSONValue {
        .object([
            ("path", .string(path)),
            ("accounts", .integer(accounts)),
            ("contracts", .integer(contracts)),
            ("storageSlots", .integer(storageSlots)),
            ("stateRoot", .string(Hex.encode(stateRoot))),
            ("verified", .bool(true)),
            ("seconds", .number(String(format: "%.3f", seconds))),
            ("blockNumber", .integer(blockNumber)),
            ("blockHash", blockHash.map { .string(Hex.encode($0)) } ?? .null),
            ("genesisHash", .string(Hex.encode(genesisHash))),
            ("genesisBytes", .integer(genesisBytes)),
            ("stateSource", .string(stateSource)),
            ("elClient", elClient.map { .string($0) } ?? .null),
            ("activatedForks", .array(activatedForks.map { .string($0) })),
            ("droppedForks", .array(droppedForks.map { .string($0) })),
            ("cl", consensus.map { client, result in
                .object([
                    ("client", .string(client)), ("fork", .string(result.fork.rawValue)), ("preset", .string(result.preset)),
                    ("validators", .integer(result.validators)),
                    ("genesisValidatorsRoot", .string(Hex.encode(result.genesisValidatorsRoot))),
                ])
            } ?? .null),
            ("runtime", runtime ?? .null),
        ])
    }

    var text: String {
        var rows: [(String, String)] = [
            ("snapshot", path),
            ("block", String(blockNumber) + (blockHash.map { " " + Hex.encode($0) } ?? "")),
            ("accounts", ProgressRenderer.grouped(accounts)),
            ("contracts", ProgressRenderer.grouped(contracts)),
            ("storage slots", ProgressRenderer.grouped(storageSlots)),
            ("state root", Hex.encode(stateRoot)),
            ("verified", "yes: the recomputed state root equals block \(blockNumber)'s stateRoot"),
            ("state source", stateSource),
            ("genesis hash", Hex.encode(genesisHash)),
            ("forks at genesis", activatedForks.isEmpty ? "(none)" : activatedForks.joined(separator: ", ")),
            ("dropped forks", droppedForks.isEmpty ? "none" : droppedForks.joined(separator: ", ") + " (not active at the block)"),
        ]
        if let (client, result) = consensus {
            let described = "\(result.fork.rawValue) genesis, \(result.preset) preset, \(result.validators) validators (\(client))"
            rows.append(("consensus", described))
            rows.append(("validators root", Hex.encode(result.genesisValidatorsRoot)))
        }
        if let runtime {
            let services = [("el", runtime["el"]), ("cl", runtime["cl"])].compactMap { role, entry in
                entry.map { "\(role) \($0["client"]?.stringValue ?? "?") (\($0["image"]?.stringValue ?? "?"))" }
            }
            rows.append(("runtime", services.joined(separator: ", ")))
        }
        rows.append(("seconds", String(format: "%.1f", seconds)))
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n")
    }
}
