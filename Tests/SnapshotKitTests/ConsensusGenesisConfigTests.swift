import Foundation
import Testing
@testable import SnapshotKit

/// `config.yaml` reading (eth-beacon-genesis semantics), the snapshot rewrite, `mnemonics.yaml` and the validator
/// selection, on the cl-genesis reference inputs (Fixtures/cl-genesis).
@Suite struct ConsensusGenesisConfigTests {
    private func text(_ file: String, _ vector: GenesisVector = .caseA) throws -> String {
        String(decoding: try GenesisVector.data(file, in: vector.expectationsFolder), as: UTF8.self)
    }

    // MARK: config.yaml

    @Test(arguments: [GenesisVector.caseA, .caseB, .caseF])
    func yamlKeepsEveryMemberLine(vector: GenesisVector) throws {
        let source = try text("config.yaml", vector)
        let lines = source.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        let written = try ConsensusConfig(yaml: source).yaml
        #expect(written.split(separator: "\n").map(String.init) == lines)
        #expect(try ConsensusConfig(yaml: written) == ConsensusConfig(yaml: source))
    }

    @Test func typedReadsFollowEthBeaconGenesis() throws {
        let config = try ConsensusConfig(yaml: """
            PRESET_BASE: 'minimal'
            GENESIS_FORK_VERSION: 0x10000038
            ALTAIR_FORK_VERSION: '0x20000038'
            SHORT_FORK_VERSION: 0x1
            MIN_GENESIS_TIME: 1700000000
            GENESIS_DELAY: "20"
            BIG: 18446744073709551615
            HEX_NUMBER: 0x10
            TERMINAL_BLOCK_HASH: 0x0000000000000000000000000000000000000000000000000000000000000000
            DEPOSIT_CONTRACT_ADDRESS: 0x00000000219ab540356cBB839Cbe05303d7705Fa
            DOMAIN_SYNC_COMMITTEE: '0x07000001'
            DOMAIN_BEACON_PROPOSER: 0x00000001
            NOTHING: null
            """)
        #expect(config.string("PRESET_BASE") == "minimal")
        #expect(try config.bytes("GENESIS_FORK_VERSION") == [0x10, 0, 0, 0x38])
        #expect(try config.bytes("ALTAIR_FORK_VERSION") == [0x20, 0, 0, 0x38])
        #expect(try config.bytes("SHORT_FORK_VERSION") == [0, 0, 0, 1])
        #expect(config.uint64("MIN_GENESIS_TIME") == 1_700_000_000)
        #expect(config.uint64("GENESIS_DELAY") == 20)
        #expect(config.uint64("BIG") == .max)
        #expect(config.uint64("HEX_NUMBER") == 16)
        // Go's yaml.v3 reads 0x000…0 as the integer 0, not as 32 bytes.
        #expect(config.uint64("TERMINAL_BLOCK_HASH") == 0)
        #expect(try config.bytes("DEPOSIT_CONTRACT_ADDRESS")?.count == 20)
        #expect(config.uint64("NOTHING") == nil)
        #expect(config.string("NOTHING") == nil)
        // Only a quoted 0x string is bytes for a non-version key: the plain domain is the integer 1, so the
        // default applies, as in eth-beacon-genesis.
        #expect(try config.syncCommitteeDomain() == [7, 0, 0, 1])
        #expect(try config.beaconProposerDomain() == [0, 0, 0, 0])
        #expect(config.genesisTime(executionTimestamp: 5) == 1_700_000_020)
        var zeroTime = config
        zeroTime["MIN_GENESIS_TIME"] = .integer(0)
        zeroTime["GENESIS_DELAY"] = nil
        #expect(zeroTime.genesisTime(executionTimestamp: 5) == 5 + ConsensusConfig.defaultGenesisDelay)
    }

    @Test func malformedConfigsAreRejected() {
        #expect(throws: ConsensusGenesisError.self) { try ConsensusConfig(yaml: "- a\n- b\n") }
        #expect(throws: ConsensusGenesisError.self) { try ConsensusConfig(yaml: "KEY: [unclosed\n") }
        #expect(throws: ConsensusGenesisError.invalidConfigValue(key: "X", reason: "not a hex string: zz")) {
            try ConsensusConfig(yaml: "X: '0xzz'").bytes("X")
        }
    }

    @Test func genesisForkAndPreset() throws {
        #expect(try ConsensusConfig(yaml: text("config.yaml", .caseA)).genesisFork() == .fulu)
        #expect(try ConsensusConfig(yaml: text("config.yaml", .caseB)).genesisFork() == .electra)
        #expect(try ConsensusConfig(yaml: text("config.yaml", .caseA)).preset() == .minimal)

        var config = try ConsensusConfig(yaml: text("config.yaml"))
        config["GLOAS_FORK_EPOCH"] = .integer(0)
        #expect(throws: ConsensusGenesisError.unsupportedGenesisFork("GLOAS")) { try config.genesisFork() }
        config = try ConsensusConfig(yaml: text("config.yaml"))
        config["EIP7928_FORK_EPOCH"] = .integer(0)
        #expect(throws: ConsensusGenesisError.unsupportedGenesisFork("EIP7928")) { try config.genesisFork() }
        config = try ConsensusConfig(yaml: text("config.yaml"))
        config["ELECTRA_FORK_EPOCH"] = .integer(ConsensusConstants.farFutureEpoch)
        config["FULU_FORK_EPOCH"] = .integer(ConsensusConstants.farFutureEpoch)
        #expect(throws: ConsensusGenesisError.genesisForkBeforeElectra("deneb")) { try config.genesisFork() }

        config = try ConsensusConfig(yaml: text("config.yaml"))
        config["PRESET_BASE"] = .scalar("gnosis", .singleQuoted)
        #expect(throws: ConsensusGenesisError.unknownPreset("gnosis")) { try config.preset() }
        config["PRESET_BASE"] = .scalar("mainnet", .singleQuoted)
        config["SLOTS_PER_EPOCH"] = .integer(8)
        let override = ConsensusGenesisError.presetOverride(
            key: "SLOTS_PER_EPOCH", value: 8, preset: "mainnet", expected: 32)
        #expect(throws: override) { try config.preset() }
        config["SLOTS_PER_EPOCH"] = .integer(32)
        #expect(try config.preset() == .mainnet)
        config["PRESET_BASE"] = nil
        #expect(throws: ConsensusGenesisError.missingConfigKey("PRESET_BASE")) { try config.preset() }
    }

    // MARK: snapshot rewrite

    /// Case (a)'s EL genesis with its chain config replaced by `edit`.
    private func execution(_ edit: (JSONValue) -> JSONValue) throws -> ExecutionGenesisBlock {
        let original = try GenesisInputs.load(.caseA).execution
        var parameters = original.parameters
        parameters = GenesisParameters(
            config: try ChainConfig(json: edit(parameters.config.json)), nonce: parameters.nonce,
            timestamp: parameters.timestamp, extraData: parameters.extraData, gasLimit: parameters.gasLimit,
            difficulty: parameters.difficulty, mixHash: parameters.mixHash, coinbase: parameters.coinbase,
            number: parameters.number, gasUsed: parameters.gasUsed, parentHash: parameters.parentHash,
            baseFeePerGas: parameters.baseFeePerGas, excessBlobGas: parameters.excessBlobGas,
            blobGasUsed: parameters.blobGasUsed)
        return ExecutionGenesisBlock(
            parameters: parameters, header: GenesisHeader(parameters: parameters, stateRoot: original.header.stateRoot))
    }

    private static let allForks = [
        "homestead", "eip150", "eip155", "eip158", "byzantium", "constantinople", "petersburg", "istanbul", "berlin",
        "london", "mergeNetsplit", "shanghai", "cancun", "prague", "osaka",
    ]

    @Test func rewriteMovesActiveForksToZeroAndLaterOnesFarFuture() throws {
        let source = try ConsensusConfig(yaml: text("config.yaml"))
        let el = try GenesisInputs.load(.caseA).execution
        let forks = Self.allForks.filter { $0 != "osaka" }
        let config = try source.rewrittenForSnapshot(activeExecutionForks: forks, execution: el, genesisTime: 1_234)
        let far = ConsensusConstants.farFutureEpoch
        for (key, value) in [
            ("ALTAIR_FORK_EPOCH", 0), ("BELLATRIX_FORK_EPOCH", 0), ("CAPELLA_FORK_EPOCH", 0), ("DENEB_FORK_EPOCH", 0),
            ("ELECTRA_FORK_EPOCH", 0), ("FULU_FORK_EPOCH", far), ("GLOAS_FORK_EPOCH", far),
            ("EIP7441_FORK_EPOCH", far), ("EIP7805_FORK_EPOCH", far), ("EIP7928_FORK_EPOCH", far),
            ("MIN_GENESIS_TIME", 1_234), ("GENESIS_DELAY", 0), ("SECONDS_PER_SLOT", 6), ("SLOT_DURATION_MS", 6000),
            ("DEPOSIT_CHAIN_ID", 3_151_908), ("DEPOSIT_NETWORK_ID", 3_151_908),
        ] as [(String, UInt64)] {
            #expect(config.uint64(key) == value, "\(key)")
        }
        #expect(config["BLOB_SCHEDULE"] == .sequence([]))
        #expect(config.entries.map(\.key) == source.entries.map(\.key))
        #expect(try config.genesisFork() == .electra)
        // Untouched members keep their text.
        #expect(config["PRESET_BASE"] == .scalar("minimal", .singleQuoted))
        #expect(config["DEPOSIT_CONTRACT_ADDRESS"] == source["DEPOSIT_CONTRACT_ADDRESS"])
    }

    @Test func rewriteTakesTheBlobScheduleOfTheLatestActiveBPO() throws {
        let el = try execution { config in
            func entry(_ target: Int, _ max: Int, _ fraction: Int) -> JSONValue {
                .object([("target", .integer(target)), ("max", .integer(max)), ("baseFeeUpdateFraction", .integer(fraction))])
            }
            let schedule = config["blobSchedule"]!
                .setting("bpo1", to: entry(10, 15, 8_346_193)).setting("bpo2", to: entry(14, 21, 11_684_671))
            return config.setting("bpo1Time", to: .integer(0)).setting("bpo2Time", to: .integer(0))
                .setting("blobSchedule", to: schedule)
        }
        var source = try ConsensusConfig(yaml: text("config.yaml"))
        source["FULU_FORK_EPOCH"] = .integer(10)
        source["BLOB_SCHEDULE"] = .sequence([
            .mapping([.init(key: "EPOCH", value: .integer(20)), .init(key: "MAX_BLOBS_PER_BLOCK", value: .integer(15))]),
            .mapping([.init(key: "EPOCH", value: .integer(30)), .init(key: "MAX_BLOBS_PER_BLOCK", value: .integer(21))]),
            .mapping([.init(key: "EPOCH", value: .integer(40)), .init(key: "MAX_BLOBS_PER_BLOCK", value: .integer(30))]),
        ])
        let config = try source.rewrittenForSnapshot(
            activeExecutionForks: Self.allForks + ["bpo1", "bpo2"], execution: el, genesisTime: 1)
        #expect(config.uint64("FULU_FORK_EPOCH") == 0)
        #expect(config.yaml.contains("\nBLOB_SCHEDULE:\n  - EPOCH: 0\n    MAX_BLOBS_PER_BLOCK: 21\n"))
        #expect(try ConsensusConfig(yaml: config.yaml) == config)

        #expect(throws: ConsensusGenesisError.self) {
            try source.rewrittenForSnapshot(
                activeExecutionForks: Self.allForks + ["bpo3"], execution: el, genesisTime: 1)
        }
    }

    @Test func rewriteAddsMissingSlotDurationAndRejectsUnsupportedForks() throws {
        let el = try GenesisInputs.load(.caseA).execution
        var source = try ConsensusConfig(yaml: text("config.yaml"))
        source["SLOT_DURATION_MS"] = nil
        source["SECONDS_PER_SLOT"] = .integer(12)
        let config = try source.rewrittenForSnapshot(activeExecutionForks: Self.allForks, execution: el, genesisTime: 1)
        let keys = config.entries.map(\.key)
        #expect(keys[keys.firstIndex(of: "SECONDS_PER_SLOT")! + 1] == "SLOT_DURATION_MS")
        #expect(config.uint64("SLOT_DURATION_MS") == 12_000)

        // The EL genesis decides the snapshot's fork, so the EL genesis is blamed, not config.yaml.
        let amsterdam = ConsensusGenesisError.unsupportedExecutionFork(executionFork: "amsterdam", consensusFork: "gloas")
        #expect(throws: amsterdam) {
            try source.rewrittenForSnapshot(
                activeExecutionForks: Self.allForks + ["amsterdam"], execution: el, genesisTime: 1)
        }
        #expect(amsterdam.description.hasPrefix("the EL genesis (genesis.json) has amsterdam active"))
        #expect(!amsterdam.description.contains("config.yaml"))
        #expect(throws: ConsensusGenesisError.unsupportedExecutionFork(executionFork: "cancun", consensusFork: "deneb")) {
            try source.rewrittenForSnapshot(
                activeExecutionForks: ["london", "shanghai", "cancun"], execution: el, genesisTime: 1)
        }
        source["EIP7805_FORK_EPOCH"] = .integer(0)
        #expect(throws: ConsensusGenesisError.unsupportedGenesisFork("EIP7805")) {
            try source.rewrittenForSnapshot(activeExecutionForks: Self.allForks, execution: el, genesisTime: 1)
        }
    }

    /// A snapshot of the reference chain at its own genesis (same forks, genesis time, and validators within the
    /// default cap) reproduces the reference state byte for byte.
    @Test(arguments: [GenesisVector.caseA, .caseB, .caseF])
    func snapshotOfTheReferenceChainIsTheReferenceState(vector: GenesisVector) throws {
        let inputs = try GenesisInputs.load(vector)
        let active = ConsensusGenesisInput.activeExecutionForks(
            of: inputs.execution.parameters.config, atBlock: 0, timestamp: inputs.execution.header.timestamp)
        #expect(active == Self.allForks)
        let forks = vector.fork == .fulu ? active : active.filter { $0 != "osaka" }
        let genesis = try SnapshotConsensusGenesis(
            ConsensusGenesisInput(
                sourceConfig: inputs.config, sourceMnemonics: inputs.mnemonics, execution: inputs.execution,
                activeExecutionForks: forks, genesisTime: 1_700_000_020))
        #expect(genesis.state.serialize() == (try vector.genesisSSZ()))
        let result = genesis.result(files: ["b", "a"])
        #expect(result.stateRoot == (try vector.stateRoot()))
        #expect(result.fork == vector.fork)
        #expect(result.preset == "minimal")
        #expect(result.files == ["a", "b"])
        #expect(result.genesisTime == 1_700_000_020)
        #expect(try Hex.encode(result.elGenesisHash) == vector.expectationLines("el_genesis_hash.txt")[0])
    }

    @Test func snapshotRejectsAnELGenesisWithoutTheForksOfTheConsensusGenesis() throws {
        let inputs = try GenesisInputs.load(.caseA)
        let withoutOsaka = try execution { $0.removing("osakaTime") }
        #expect(throws: ConsensusGenesisError.executionForkMissing(consensusFork: "fulu", executionFork: "osaka")) {
            try SnapshotConsensusGenesis(
                ConsensusGenesisInput(
                    sourceConfig: inputs.config, sourceMnemonics: inputs.mnemonics, execution: withoutOsaka,
                    activeExecutionForks: Self.allForks))
        }
        let withoutPrague = try execution { $0.removing("pragueTime").removing("osakaTime") }
        #expect(throws: ConsensusGenesisError.executionForkMissing(consensusFork: "electra", executionFork: "prague")) {
            try GenesisStateBuilder(config: try ConsensusConfig(yaml: text("config.yaml", .caseB)))
                .checkExecutionForks(withoutPrague)
        }
    }

    // MARK: mnemonics.yaml and validator selection

    @Test func mnemonicsFileReadsEveryField() throws {
        let file = try MnemonicsFile(yaml: text("mnemonics.yaml", .caseF))
        #expect(file.entries.count == 8)
        #expect(file.validatorCount == 14)
        let compound = file.entries[1]
        #expect(compound.name == "a-compound")
        #expect(compound.start == 5 && compound.count == 3 && compound.balance == 64_000_000_000)
        #expect(compound.withdrawalPrefix == "0x02")
        #expect(compound.withdrawalAddress == "0x000000000000000000000000000000000000dEaD")
        #expect(file.entries[5].status == .exited)
        #expect(file.entries[6].status == .slashed)
        #expect(try MnemonicsFile(yaml: "") == MnemonicsFile(entries: []))
    }

    @Test func malformedMnemonicsAreRejected() throws {
        let phrase = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
        #expect(throws: ConsensusGenesisError.self) { try MnemonicsFile(yaml: "mnemonic: x\n") }
        #expect(throws: ConsensusGenesisError.self) { try MnemonicsFile(yaml: "- mnemonic: \"\(phrase)\"\n  count: '3'\n") }
        #expect(throws: ConsensusGenesisError.self) {
            try MnemonicsFile(yaml: "- mnemonic: \"\(phrase)\"\n  count: 1\n  status: 3\n")
        }
        let wrongChecksum = phrase.replacingOccurrences(of: "about", with: "abandon")
        let file = try MnemonicsFile(yaml: "- mnemonic: \"\(wrongChecksum)\"\n  count: 1\n")
        #expect(throws: ConsensusGenesisError.invalidMnemonic(entry: 0, reason: MnemonicError.invalidChecksum.description)) {
            try file.deriveValidators()
        }
        let duplicated = try MnemonicsFile(
            yaml: "- mnemonic: \"\(phrase)\"\n  count: 2\n- mnemonic: \"\(phrase)\"\n  start: 1\n  count: 1\n")
        #expect(throws: ConsensusGenesisError.self) { try duplicated.deriveValidators() }
        let shortAddress = try MnemonicsFile(
            yaml: "- mnemonic: \"\(phrase)\"\n  count: 1\n  wd_prefix: '0x01'\n  wd_address: '0x1234'\n")
        #expect(throws: ConsensusGenesisError.self) { try shortAddress.deriveValidators() }
    }

    @Test func validatorSelection() throws {
        let source = try MnemonicsFile(yaml: text("mnemonics.yaml", .caseF))
        let byDefault = try ValidatorSelection().entries(from: source)
        #expect(byDefault == source)
        let five = try ValidatorSelection(count: 5).entries(from: source)
        #expect(five.entries.map(\.count) == [4, 1])
        #expect(five.entries[1] == { var entry = source.entries[1]; entry.count = 1; return entry }())
        let more = try ValidatorSelection(count: 20).entries(from: source)
        #expect(more.validatorCount == 20)
        #expect(more.entries.last?.count == 7)

        let kurtosis = try MnemonicsFile(yaml: text("mnemonics.yaml", .caseA))
        var large = kurtosis
        large.entries[0].count = 256
        #expect(try ValidatorSelection().entries(from: large).validatorCount == ValidatorSelection.defaultMaximum)

        let phrase = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
        let replaced = try ValidatorSelection(mnemonic: phrase, count: 3).entries(from: kurtosis)
        #expect(replaced.entries.count == 1)
        #expect(replaced.entries[0].mnemonic == phrase)
        #expect(replaced.entries[0].count == 3 && replaced.entries[0].start == 0)
        #expect(replaced.entries[0].withdrawalPrefix == "0x01")
        #expect(replaced.entries[0].withdrawalAddress == kurtosis.entries[0].withdrawalAddress)

        #expect(throws: ConsensusGenesisError.self) { try ValidatorSelection(count: 0).entries(from: source) }
        #expect(throws: ConsensusGenesisError.self) { try ValidatorSelection().entries(from: MnemonicsFile(entries: [])) }
    }
}

extension GenesisInputs {
    static func load(_ vector: GenesisVector) throws -> GenesisInputs { try vector.inputs() }
}
