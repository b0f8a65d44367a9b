import Crypto
import Testing
@testable import SnapshotKit

/// Mainnet-preset genesis states from the inputs of cl-genesis cases (a) and (b) with `PRESET_BASE: 'mainnet'`.
///
/// No mainnet vector exists for these inputs. The expected values come from an independent Python oracle written for
/// this check (not shipped): remerkleable 0.1.28 containers for the Electra/Fulu mainnet `BeaconState`, the
/// eth-beacon-genesis sync committee and proposer lookahead as the cl-genesis README describes them with
/// `compute_shuffled_index` from the spec, py_ecc 8.0.0 for the aggregate key; validators from the cases'
/// `pubkeys.txt` / `withdrawal_credentials.txt` and the payload header from their `summary.json`.
@Suite struct ConsensusGenesisMainnetTests {
    struct Expectation: Sendable, CustomTestStringConvertible {
        let vector: GenesisVector
        let stateRoot: String
        let size: Int
        let sha256: String
        let committeeStart: [UInt64]
        let aggregate: String
        let lookahead: [UInt64]
        var testDescription: String { vector.folder }
    }

    static let expectations = [
        Expectation(
            vector: .caseA, stateRoot: "0xef8195a30a17d632fe7aafe18e6da5a3c635719c5a29b4156f3b56658a42d8c6",
            size: 2_738_921, sha256: "1fb3c7abfb21e6cdf5308ec10a6a002b35c7545e616886e70ccb3dae8a2fc55c",
            committeeStart: [4, 1, 7, 0, 6, 5, 2, 3],
            aggregate: "0xaf4ef2702cef862fdc079350cce68a30c0b2533c5adab398c5a63bc9fee4a7ecfe23c734db2cc7e201d06f2317b572ac",
            lookahead: [
                7, 6, 2, 1, 1, 0, 2, 7, 1, 2, 3, 0, 4, 3, 3, 7, 0, 7, 4, 4, 6, 7, 7, 0, 5, 2, 3, 3, 2, 3, 5, 7, 7, 4, 6,
                0, 2, 3, 5, 1, 2, 3, 2, 3, 3, 5, 7, 0, 0, 4, 4, 1, 0, 6, 0, 0, 0, 1, 2, 5, 4, 0, 7, 7,
            ]),
        Expectation(
            vector: .caseB, stateRoot: "0xb1f8db1e8ecd8a5e2590a1e87446060f2cc4e8aba5f218877d8a235e009f65d3",
            size: 2_746_193, sha256: "e4b24b3a4d99bfb3ef6bfcefc3e441c217acf2ee28ab81996efd3393a500f238",
            committeeStart: [51, 25, 15, 50, 61, 4, 16, 27],
            aggregate: "0x970c6bfa248ec03db36b19ae8387f93d4adfe686f8ac7a97d36a63dec4c18bdfd6c0a886c81fe6c492e461a98e6e4ec3",
            lookahead: []),
    ]

    @Test(arguments: expectations)
    func mainnetStateMatchesTheOracle(expected: Expectation) throws {
        let inputs = try expected.vector.inputs()
        var config = inputs.config
        config["PRESET_BASE"] = .scalar("mainnet", .singleQuoted)
        let builder = try GenesisStateBuilder(config: config)
        #expect(builder.preset == .mainnet)
        let validators = try inputs.mnemonics.deriveValidators().map(\.validator)
        let state = try builder.build(validators: validators, execution: inputs.execution)

        let registry = builder.registry(validators)
        let committee = builder.syncCommitteeIndices(registry: registry, mix: inputs.execution.hash)
        #expect(committee.count == 512)
        #expect(Array(committee.prefix(8)) == expected.committeeStart)
        #expect(Hex.encode(state.currentSyncCommittee.aggregatePubkey) == expected.aggregate)
        #expect(state.proposerLookahead == expected.lookahead)

        let bytes = state.serialize()
        #expect(bytes.count == expected.size)
        #expect(Hex.encode(SHA256.hash(data: bytes), prefixed: false) == expected.sha256)
        #expect(Hex.encode(state.hashTreeRoot()) == expected.stateRoot)
    }

    @Test(arguments: expectations)
    func mainnetStateDecodesWithItsInvariants(expected: Expectation) throws {
        let inputs = try expected.vector.inputs()
        var config = inputs.config
        config["PRESET_BASE"] = .scalar("mainnet", .singleQuoted)
        let state = try GenesisStateBuilder(config: config).build(
            validators: try inputs.mnemonics.deriveValidators().map(\.validator), execution: inputs.execution)
        let decoded = try BeaconState(decoding: state.serialize(), fork: expected.vector.fork, preset: .mainnet)
        #expect(decoded == state)

        let mix = inputs.execution.hash
        #expect(decoded.randaoMixes.count == 65536 && decoded.randaoMixes.allSatisfy { $0 == mix })
        #expect(decoded.blockRoots.count == 8192 && decoded.slashings.count == 8192)
        #expect(decoded.eth1Data.blockHash == mix && decoded.latestExecutionPayloadHeader.blockHash == mix)
        let withdrawalsRoot = ExecutionPayloadHeader.emptyWithdrawalsRoot(preset: .mainnet)
        #expect(decoded.latestExecutionPayloadHeader.withdrawalsRoot == withdrawalsRoot)
        let bodyRoot = try BeaconBlockBody.defaultHashTreeRoot(fork: expected.vector.fork, preset: .mainnet)
        #expect(decoded.latestBlockHeader.bodyRoot == bodyRoot)
        let keys = Set(decoded.validators.map(\.pubkey))
        #expect(decoded.currentSyncCommittee.pubkeys.count == 512)
        #expect(decoded.currentSyncCommittee.pubkeys.allSatisfy(keys.contains))
        #expect(decoded.nextSyncCommittee == decoded.currentSyncCommittee)
        #expect(decoded.proposerLookahead.count == (expected.vector.fork == .fulu ? 64 : 0))
        #expect(decoded.proposerLookahead.allSatisfy { $0 < UInt64(decoded.validators.count) })
        #expect(decoded.genesisValidatorsRoot == Validator.registryRoot(decoded.validators, preset: .mainnet))
        // The registry root does not depend on the preset: it equals the minimal reference's.
        let minimalRoot = try expected.vector.expectationLines("genesis_validators_root.txt")[0]
        #expect(Hex.encode(decoded.genesisValidatorsRoot) == minimalRoot)
    }
}
