import Foundation
import SnapshotKit
import SnapshotterCLI

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
    /// The consensus plugin and what it wrote.
    let consensus: ConsensusGenesis
    /// The clients and images of the runtime.
    let runtime: RuntimeRecord
    /// How long each stage took.
    let phases: [PipelinePhase]
    let seconds: Double

    init(snapshot: Snapshot, seconds: Double) {
        let genesis = snapshot.execution
        path = snapshot.folder.path
        accounts = genesis.state.accounts
        contracts = genesis.state.contracts
        storageSlots = genesis.state.storageSlots
        stateRoot = genesis.state.stateRoot
        blockNumber = snapshot.request.block.number
        blockHash = snapshot.request.source.blockHash
        genesisHash = genesis.genesisHash
        genesisBytes = genesis.bytes
        stateSource = genesis.state.source
        elClient = snapshot.request.source.elClient
        activatedForks = genesis.activatedForks
        droppedForks = genesis.droppedForks
        consensus = snapshot.consensus
        runtime = snapshot.runtime
        phases = snapshot.phases
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
            ("phases", .object(phases.map { ($0.name, .number(String(format: "%.3f", $0.seconds))) })),
            ("blockNumber", .integer(blockNumber)),
            ("blockHash", blockHash.map { .string(Hex.encode($0)) } ?? .null),
            ("genesisHash", .string(Hex.encode(genesisHash))),
            ("genesisBytes", .integer(genesisBytes)),
            ("stateSource", .string(stateSource)),
            ("elClient", elClient.map { .string($0) } ?? .null),
            ("activatedForks", .array(activatedForks.map { .string($0) })),
            ("droppedForks", .array(droppedForks.map { .string($0) })),
            ("cl", .object([
                ("client", .string(consensus.client)), ("fork", .string(consensus.result.fork.rawValue)),
                ("preset", .string(consensus.result.preset)), ("validators", .integer(consensus.result.validators)),
                ("genesisValidatorsRoot", .string(Hex.encode(consensus.result.genesisValidatorsRoot))),
            ])),
            ("runtime", runtime.metadata),
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
        let result = consensus.result
        rows.append(("consensus", "\(result.fork.rawValue) genesis, \(result.preset) preset, \(result.validators) validators (\(consensus.client))"))
        rows.append(("validators root", Hex.encode(result.genesisValidatorsRoot)))
        rows.append(("runtime", "el \(runtime.executionClient) (\(runtime.executionImage)), cl \(runtime.consensusClient) (\(runtime.consensusImage))"))
        rows.append(("seconds", String(format: "%.1f", seconds)))
        rows.append(("phases", phasesText))
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n")
    }

    /// `state 4.52 s (221,239 accounts/s, 56.7 MB/s written) · consensus 0.21 s · …`: the state phase with its rates.
    private var phasesText: String {
        phases.map { phase in
            var text = "\(phase.name) " + String(format: "%.2f s", phase.seconds)
            if phase.name == "state", phase.seconds > 0 {
                let rate = ProgressRenderer.grouped(Int(Double(accounts) / phase.seconds))
                text += " (\(rate) accounts/s, " + String(format: "%.1f MB/s", Double(genesisBytes) / phase.seconds / 1e6) + " written)"
            }
            return text
        }.joined(separator: " · ")
    }
}
