import Testing
@testable import SnapshotKit

/// The header rules of go-ethereum's `Genesis.ToBlock()` beyond what the network vectors exercise.
@Suite struct GenesisHeaderTests {
    private func parameters(_ config: [(String, JSONValue)], number: UInt64 = 0, timestamp: UInt64 = 100) throws -> GenesisParameters {
        GenesisParameters(config: try ChainConfig(json: .object(config)), timestamp: timestamp, gasLimit: 0, difficulty: 1, number: number)
    }

    @Test func defaultsAndConstants() throws {
        let header = GenesisHeader(parameters: try parameters([]), stateRoot: MerklePatriciaTrie.emptyRoot)
        #expect(header.gasLimit == 4_712_388)
        #expect(header.ommersHash.hexString == "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347")
        #expect(header.transactionsRoot.hexString == "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421")
        #expect(GenesisHeader.emptyRequestsHash.hexString == "0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(header.baseFeePerGas == nil && header.withdrawalsRoot == nil && header.parentBeaconBlockRoot == nil)
    }

    /// Base fee follows London at block 0; the other fields follow the genesis number and timestamp.
    @Test func forkFieldsFollowNumberAndTimestamp() throws {
        let late = GenesisHeader(parameters: try parameters([("londonBlock", .integer(5)), ("shanghaiTime", .integer(0))], number: 10), stateRoot: [])
        #expect(late.baseFeePerGas == nil, "IsLondon(0) is false")
        #expect(late.withdrawalsRoot == MerklePatriciaTrie.emptyRoot, "IsShanghai(10, t) is true")
        let early = try parameters([("londonBlock", .integer(0)), ("cancunTime", .integer(101)), ("shanghaiTime", .integer(100))])
        let shanghai = GenesisHeader(parameters: early, stateRoot: [])
        #expect(shanghai.withdrawalsRoot != nil && shanghai.blobGasUsed == nil)
        var later = early
        later.timestamp = 101
        later.excessBlobGas = 0x60000
        let cancun = GenesisHeader(parameters: later, stateRoot: [])
        #expect(cancun.excessBlobGas == 0x60000 && cancun.blobGasUsed == 0 && cancun.parentBeaconBlockRoot == GenesisParameters.zeroHash)
    }

    @Test func amsterdamAddsAccessListHashAndSlot() throws {
        var amsterdam = try parameters([("londonBlock", .integer(0)), ("amsterdamTime", .integer(0))])
        amsterdam.slotNumber = 7
        let header = GenesisHeader(parameters: amsterdam, stateRoot: [])
        #expect(header.blockAccessListHash == GenesisHeader.emptyListHash && header.slotNumber == 7)
        // geth's RLP: absent optional fields before the last present one are written as empty strings.
        guard case .list(let fields) = try RLP.decode(header.rlp()) else { Issue.record("not a list"); return }
        #expect(fields.count == 23)
        #expect(fields[16] == .bytes([]) && fields[19] == .bytes([]) && fields[22] == .bytes([7]))
    }

    /// An `excessBlobGas` given before Cancun stays in the header (geth allows it for tests), with empty
    /// placeholders for the optional fields before it.
    @Test func excessBlobGasBeforeCancun() throws {
        var early = try parameters([])
        early.excessBlobGas = 2
        let header = GenesisHeader(parameters: early, stateRoot: [])
        guard case .list(let fields) = try RLP.decode(header.rlp()) else { Issue.record("not a list"); return }
        #expect(fields.count == 19)
        #expect(Array(fields[15...]) == [.bytes([]), .bytes([]), .bytes([]), .bytes([2])])
    }
}
