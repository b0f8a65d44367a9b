import Foundation
import Testing
@testable import SnapshotKit

/// ``GenesisStateBuilder`` on the cl-genesis reference cases (Fixtures/cl-genesis: inputs `genesis.json`,
/// `config.yaml`, `mnemonics.yaml` and eth-beacon-genesis's outputs; see its README). Each intermediate is checked
/// on its own so a mismatch is localised.
@Suite struct ConsensusGenesisBuilderTests {
    static let cases = [GenesisVector.caseA, .caseB, .caseF]

    @Test(arguments: cases)
    func derivedKeysAndCredentialsMatch(vector: GenesisVector) throws {
        let validators = try vector.inputs().mnemonics.deriveValidators()
        #expect(try validators.map { Hex.encode($0.validator.pubkey) } == vector.expectationLines("pubkeys.txt"))
        #expect(
            try validators.map { Hex.encode($0.validator.withdrawalCredentials) }
                == vector.expectationLines("withdrawal_credentials.txt"))
    }

    @Test(arguments: cases)
    func registryMatchesSummary(vector: GenesisVector) throws {
        let inputs = try vector.inputs()
        let builder = try GenesisStateBuilder(config: inputs.config)
        let validators = try inputs.mnemonics.deriveValidators().map(\.validator)
        let registry = builder.registry(validators)
        let summary = try vector.summary()
        #expect(try GenesisRegistry.balances(validators, preset: .minimal) == summary.uint64s("balances"))
        #expect(try registry.map(\.effectiveBalance) == summary.uint64s("effective_balances"))
        #expect(try registry.map(\.activationEpoch) == summary.uint64s("activation_epochs"))
        #expect(try registry.map(\.exitEpoch) == summary.uint64s("exit_epochs"))
        #expect(try registry.map(\.slashed) == summary.bools("slashed"))
        let expectedRoot = try vector.expectationLines("genesis_validators_root.txt")[0]
        #expect(Hex.encode(Validator.registryRoot(registry, preset: .minimal)) == expectedRoot)
    }

    @Test(arguments: cases)
    func executionPayloadHeaderIsTheELGenesisBlock(vector: GenesisVector) throws {
        let inputs = try vector.inputs()
        #expect(try Hex.encode(inputs.execution.hash) == vector.expectationLines("el_genesis_hash.txt")[0])
        let expected = try vector.decodedState().latestExecutionPayloadHeader
        #expect(try inputs.execution.payloadHeader(preset: .minimal) == expected)
    }

    @Test(arguments: cases)
    func syncCommitteeMatches(vector: GenesisVector) throws {
        let inputs = try vector.inputs()
        let builder = try GenesisStateBuilder(config: inputs.config)
        let registry = builder.registry(try inputs.mnemonics.deriveValidators().map(\.validator))
        let indices = builder.syncCommitteeIndices(registry: registry, mix: inputs.execution.hash)
        #expect(try indices.map(String.init) == vector.expectationLines("sync_committee_indices.txt"))
        let state = try builder.build(
            validators: try inputs.mnemonics.deriveValidators().map(\.validator), execution: inputs.execution)
        #expect(try state.currentSyncCommittee == vector.decodedState().currentSyncCommittee)
        #expect(state.nextSyncCommittee == state.currentSyncCommittee)
    }

    @Test(arguments: [GenesisVector.caseA, .caseF])
    func proposerLookaheadMatches(vector: GenesisVector) throws {
        let inputs = try vector.inputs()
        let builder = try GenesisStateBuilder(config: inputs.config)
        let registry = builder.registry(try inputs.mnemonics.deriveValidators().map(\.validator))
        let lookahead = builder.proposerLookahead(registry: registry, mix: inputs.execution.hash)
        #expect(try lookahead.map(String.init) == vector.expectationLines("proposer_lookahead.txt"))
    }

    @Test(arguments: cases)
    func genesisStateIsByteIdentical(vector: GenesisVector) throws {
        let inputs = try vector.inputs()
        let builder = try GenesisStateBuilder(config: inputs.config)
        #expect(builder.fork == vector.fork)
        #expect(builder.preset == .minimal)
        let state = try builder.build(
            validators: try inputs.mnemonics.deriveValidators().map(\.validator), execution: inputs.execution)
        #expect(state.serialize() == (try vector.genesisSSZ()))
        #expect(state.hashTreeRoot() == (try vector.stateRoot()))
        #expect(try Hex.encode(state.genesisValidatorsRoot) == vector.expectationLines("genesis_validators_root.txt")[0])
    }

    @Test func retimedStateDiffersOnlyInGenesisTime() throws {
        let inputs = try GenesisVector.caseA.inputs()
        var config = inputs.config
        config["MIN_GENESIS_TIME"] = .integer(1_799_999_980)
        let state = try GenesisStateBuilder(config: config).build(
            validators: try inputs.mnemonics.deriveValidators().map(\.validator), execution: inputs.execution)
        #expect(state.serialize() == (try GenesisVector.caseARetimed.genesisSSZ()))
        #expect(state.hashTreeRoot() == (try GenesisVector.caseARetimed.stateRoot()))
    }
}

/// The inputs of a reference case.
struct GenesisInputs {
    let config: ConsensusConfig
    let mnemonics: MnemonicsFile
    let execution: ExecutionGenesisBlock
}

extension GenesisVector {
    /// `config.yaml`, `mnemonics.yaml` and `genesis.json` of the case.
    func inputs() throws -> GenesisInputs {
        let text = { (file: String) in String(decoding: try Self.data(file, in: expectationsFolder), as: UTF8.self) }
        let genesis = try GenesisFile(bytes: [UInt8](try Self.data("genesis.json", in: expectationsFolder)))
        return GenesisInputs(
            config: try ConsensusConfig(yaml: try text("config.yaml")),
            mnemonics: try MnemonicsFile(yaml: try text("mnemonics.yaml")),
            execution: ExecutionGenesisBlock(genesis))
    }
}
