import Testing
@testable import SnapshotKit

/// Fork activation and the pinned-block config rewrite, on real network configs.
@Suite struct GenesisChainConfigTests {
    private func config(_ name: String) throws -> ChainConfig { try GenesisFixture.genesis(name).parameters.config }

    /// Holesky's schedule (go-ethereum params/config.go `HoleskyChainConfig`): Shanghai 1696000704,
    /// Cancun 1707305664, Prague 1740434112, Osaka 1759308480, BPO1 1759800000, BPO2 1760389824.
    @Test func holeskyForksByTime() throws {
        let holesky = try config("holesky")
        #expect(holesky.chainId == 17000)
        #expect(holesky.terminalTotalDifficulty == 0)
        #expect(holesky.depositContractAddress?.description == "0x4242424242424242424242424242424242424242")
        #expect(holesky.blobSchedule.map(\.fork) == ["cancun", "prague", "osaka", "bpo1", "bpo2"])
        #expect(holesky.blobSchedule[3] == BlobScheduleEntry(fork: "bpo1", target: 10, max: 15, baseFeeUpdateFraction: 8_346_193))
        #expect(!holesky.isActive(.shanghai, atBlock: 0, timestamp: 1_696_000_703))
        #expect(holesky.isActive(.shanghai, atBlock: 0, timestamp: 1_696_000_704))
        #expect(holesky.isActive(.prague, atBlock: 5, timestamp: 1_740_434_112))
        #expect(!holesky.isActive(.osaka, atBlock: 5, timestamp: 1_759_308_479))
        #expect(holesky.isActive(.bpo2, atBlock: 5, timestamp: 1_760_389_824))
        #expect(!holesky.isActive(.amsterdam, atBlock: .max, timestamp: .max))
        let names = holesky.activeForks(atBlock: 10, timestamp: 1_740_434_112).map(\.name)
        #expect(names.suffix(4) == ["mergeNetsplit", "shanghai", "cancun", "prague"])
        #expect(holesky.isPostMerge(atBlock: 0, timestamp: 0))
    }

    @Test func mainnetForksByBlock() throws {
        let mainnet = try config("mainnet")
        #expect(!mainnet.isActive(.homestead, atBlock: 1_149_999, timestamp: 0))
        #expect(mainnet.isActive(.homestead, atBlock: 1_150_000, timestamp: 0))
        #expect(mainnet.isActive(.petersburg, atBlock: 7_280_000, timestamp: 0))
        #expect(!mainnet.isActive(.london, atBlock: 20_000_000, timestamp: 0), "this mainnet.json stops at Berlin")
        #expect(!mainnet.isPostMerge(atBlock: 20_000_000, timestamp: 0))
    }

    @Test func gethRulesForPetersburgAndTimeForks() throws {
        let noPetersburg = try ChainConfig(json: .object([("constantinopleBlock", .integer(5))]))
        #expect(noPetersburg.isActive(.petersburg, atBlock: 5, timestamp: 0), "Petersburg defaults to Constantinople")
        #expect(!noPetersburg.isActive(.petersburg, atBlock: 4, timestamp: 0))
        let noLondon = try ChainConfig(json: .object([("shanghaiTime", .integer(0))]))
        #expect(!noLondon.isActive(.shanghai, atBlock: 0, timestamp: 10), "time forks need London")
        let strings = try ChainConfig(json: .object([("londonBlock", .string("0x10")), ("cancunTime", .string("100"))]))
        #expect(strings.activations == [
            ForkActivation(name: "london", key: "londonBlock", trigger: .block(16)),
            ForkActivation(name: "cancun", key: "cancunTime", trigger: .timestamp(100)),
        ])
        #expect(strings.activation(of: .cancun)?.fork == .cancun)
    }

    /// Early Pectra devnets (ethpandaops/pectra-devnets devnet-5) wrote blob schedule entries without
    /// `baseFeeUpdateFraction`; geth reads them, so must we.
    @Test func blobScheduleEntriesMayLackMembers() throws {
        let config = try ChainConfig(json: JSONParser.parse(#"{"blobSchedule": {"cancun": {"target": 3, "max": 6}, "osaka": {"target": "0x9", "max": 12}}}"#))
        #expect(config.blobSchedule == [
            BlobScheduleEntry(fork: "cancun", target: 3, max: 6, baseFeeUpdateFraction: nil),
            BlobScheduleEntry(fork: "osaka", target: 9, max: 12, baseFeeUpdateFraction: nil),
        ])
        #expect(throws: GenesisError.self) { try ChainConfig(json: JSONParser.parse(#"{"blobSchedule": {"cancun": {"max": "six"}}}"#)) }
    }

    @Test func unknownForksAreCarried() throws {
        let config = try ChainConfig(json: .object([
            ("londonBlock", .integer(0)), ("glamsterdamTime", .integer(50)), ("someLabelTime", .string("soon")),
        ]))
        #expect(config.activations.map(\.name) == ["london", "glamsterdam"])
        #expect(config.activeForks(atBlock: 0, timestamp: 50).map(\.name) == ["london", "glamsterdam"])
    }

    /// Holesky pinned at a block between Prague and Osaka: Prague and earlier at 0, Osaka and the BPOs gone
    /// together with their blob schedule entries, everything else in place.
    @Test func rewriteForPinnedBlock() throws {
        let holesky = try config("holesky")
        let rewrite = holesky.activatingForks(atBlock: 3_500_000, timestamp: 1_750_000_000)
        #expect(rewrite.dropped == ["osaka", "bpo1", "bpo2"])
        #expect(rewrite.activated.suffix(4) == ["mergeNetsplit", "shanghai", "cancun", "prague"])
        let json = rewrite.config.json
        #expect(json.objectValue?.map(\.key) == [
            "chainId", "homesteadBlock", "eip150Block", "eip155Block", "eip158Block", "byzantiumBlock",
            "constantinopleBlock", "petersburgBlock", "istanbulBlock", "berlinBlock", "londonBlock", "mergeNetsplitBlock",
            "terminalTotalDifficulty", "terminalTotalDifficultyPassed", "shanghaiTime", "cancunTime", "pragueTime",
            "blobSchedule", "depositContractAddress",
        ])
        #expect(json["pragueTime"] == .number("0") && json["shanghaiTime"] == .number("0"))
        #expect(json["blobSchedule"]?.objectValue?.map(\.key) == ["cancun", "prague"])
        #expect(rewrite.config.activeForks(atBlock: 0, timestamp: 0).map(\.name) == rewrite.activated)
    }

    @Test func rewriteOfAProofOfWorkConfig() throws {
        let mainnet = try config("mainnet")
        let rewrite = mainnet.activatingForks(atBlock: 9_100_000, timestamp: 1_576_000_000)
        #expect(rewrite.activated == ["homestead", "eip150", "eip155", "eip158", "byzantium", "constantinople", "petersburg", "istanbul"])
        #expect(rewrite.dropped == ["daoFork", "muirGlacier", "berlin"])
        #expect(rewrite.config.json["daoForkSupport"] == nil && rewrite.config.json["eip150Hash"] != nil)
        #expect(rewrite.config.terminalTotalDifficulty == nil)
        #expect(rewrite.config.json["ethash"] != nil, "still a proof-of-work chain")
    }

    @Test func rewriteMergesAPostMergeChainAtGenesis() throws {
        let config = try ChainConfig(json: .object([
            ("chainId", .string("0x539")), ("londonBlock", .integer(0)), ("terminalTotalDifficulty", .number("17000000000000000")),
            ("mergeNetsplitBlock", .integer(1_735_371)), ("shanghaiTime", .integer(1_677_557_088)), ("ethash", .object([])),
            ("blobSchedule", .object([("cancun", .object([("target", .string("3")), ("max", .integer(6)), ("baseFeeUpdateFraction", .integer(3_338_477))]))])),
        ]))
        let rewrite = config.activatingForks(atBlock: 2_000_000, timestamp: 1_600_000_000)
        #expect(rewrite.activated == ["london", "mergeNetsplit"] && rewrite.dropped == ["shanghai"])
        #expect(rewrite.config.json["terminalTotalDifficulty"] == .number("0"))
        #expect(rewrite.config.json["chainId"] == .number("1337"), "portable: a number")
        #expect(rewrite.config.json["blobSchedule"]?["cancun"]?["target"] == .number("3"))
        #expect(rewrite.config.json["ethash"] == nil, "proof-of-stake from genesis: Besu then converts geth's format")
    }
}
