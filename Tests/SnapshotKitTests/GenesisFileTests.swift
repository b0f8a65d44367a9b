import Foundation
import TestFixtures
import Testing
@testable import SnapshotKit

/// Reading the genesis fixtures used by the genesis suites.
enum GenesisFixture {
    static func url(_ path: String) throws -> URL {
        try TestFixtures.url(path)
    }

    /// The path of the genesis named `name`: `genesis/<name>.json`, except `cl-genesis-a`, the EL genesis of the
    /// cl-genesis case (a), which lives with that case's other inputs.
    static func path(of name: String) -> String {
        name == "cl-genesis-a" ? "cl-genesis/a-minimal-fulu-8val-0x01/genesis.json" : "genesis/\(name).json"
    }

    /// The parsed JSON of a fixture, e.g. `genesis/mainnet.json`.
    static func json(_ path: String) throws -> JSONValue {
        try JSONParser.parse([UInt8](Data(contentsOf: url(path))))
    }

    /// A genesis fixture, read through the file API.
    static func genesis(_ name: String) throws -> GenesisFile {
        try GenesisFile(contentsOf: url(path(of: name)))
    }
}

/// Real network genesis files: their state roots and genesis block hashes as the networks publish them.
@Suite struct GenesisFileTests {
    /// ethereum/tests BasicTests/genesishashestest.json: mainnet's genesis block RLP, state root and hash, checked
    /// against execution-specs' mainnet.json (8,893 accounts, `baseFeePerGas: null`, forks from block 1,150,000).
    @Test func mainnetMatchesGenesisHashesTest() throws {
        let genesis = try GenesisFixture.genesis("mainnet")
        let expected = try GenesisFixture.json("ethereum-tests/BasicTests/genesishashestest.json")
        #expect(genesis.alloc.count == 8893)
        let header = genesis.header()
        #expect(Hex.encode(header.stateRoot, prefixed: false) == expected["genesis_state_root"]?.stringValue)
        #expect(Hex.encode(header.hash(), prefixed: false) == expected["genesis_hash"]?.stringValue)
        #expect(header.hash().hexString == "0xd4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3")
        #expect(header.stateRoot.hexString == "0xd7f8974fb5ac78d9ac099b9ad5018bedc2ce0a72dad1827a1709da30580f0544")
        // The test's RLP is the whole block: [header, transactions, ommers].
        let block = RLP.encodeList([header.rlp(), RLP.encodeList([]), RLP.encodeList([])])
        #expect(Hex.encode(block, prefixed: false) == expected["genesis_rlp_hex"]?.stringValue)
        #expect(header.baseFeePerGas == nil && header.withdrawalsRoot == nil)
        #expect(header.difficulty == UInt256(0x4_0000_0000))
        #expect(genesis.parameters.config.terminalTotalDifficulty == nil)
    }

    @Test func sepolia() throws {
        let header = try GenesisFixture.genesis("sepolia").header()
        #expect(header.stateRoot.hexString == "0x5eb6e371a698b8d68f665192350ffcecbbbf322916f4b51bd79bb6887da3f494")
        #expect(header.hash().hexString == "0x25a5cc106eea7138acab33231d7160d69cb777ee0c2c553fcddf5138993e6dd9")
        #expect(header.baseFeePerGas == GenesisHeader.initialBaseFee, "London at block 0, no baseFeePerGas given")
        #expect(header.withdrawalsRoot == nil, "Shanghai came later")
    }

    /// Hoodi: `mixhash` in lowercase, a decimal-string timestamp, `extraData: ""`, Cancun at genesis, Prague later.
    @Test func hoodi() throws {
        let genesis = try GenesisFixture.genesis("hoodi")
        #expect(genesis.parameters.timestamp == 1_742_212_800)
        let header = genesis.header()
        #expect(header.hash().hexString == "0xbbe312868b376a3001692a646dd2d7d1e4406380dfd86b98aa8a34d1557c971b")
        #expect(header.parentBeaconBlockRoot == GenesisParameters.zeroHash && header.requestsHash == nil)
    }

    /// Holesky: Shanghai scheduled after the genesis timestamp, so the header stops at the base fee.
    @Test func holesky() throws {
        let header = try GenesisFixture.genesis("holesky").header()
        #expect(header.hash().hexString == "0xb5f7f912443c940f21fd611f12828d75b534364ed9e95ca4e307729a4661bde4")
        #expect(header.baseFeePerGas != nil && header.withdrawalsRoot == nil)
    }

    /// The shared vectors' cl-genesis case a (Prague and Osaka at 0, decimal and hex balances, decimal-string
    /// nonces, 32-byte storage): hash and header RLP as eth-genesis-state-generator computed them (its summary.json
    /// `el_genesis_block_rlp`), state root as its execution payload header's `state_root`.
    @Test func clGenesisCaseA() throws {
        let genesis = try GenesisFixture.genesis("cl-genesis-a")
        let header = genesis.header()
        #expect(header.stateRoot.hexString == "0x04bf774e927ab7f2327babacbf8cce5ecef82ccbcd9e485196e4e6ffe878627c")
        #expect(header.hash().hexString == "0x2757ccc59f4fe5e6da774deaf8f992cdf58266cac37ad6478d47c112f546ef69")
        #expect(header.rlp().hexString == Self.clGenesisARLP)
        #expect(header.requestsHash?.hexString == "0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(genesis.alloc.map(\.nonce) == [0, 1, 1, 1, 1, 0, 0, 0])
        #expect(genesis.alloc.reduce(0) { $0 + $1.storage.count } == 33)
    }

    static let clGenesisARLP = "0xf9025fa00000000000000000000000000000000000000000000000000000000000000000a01dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347940000000000000000000000000000000000000000a004bf774e927ab7f2327babacbf8cce5ecef82ccbcd9e485196e4e6ffe878627ca056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421b90100" + String(repeating: "0", count: 512) + "8080840393870080846553f10080a00000000000000000000000000000000000000000000000000000000000000000880000000000000000843b9aca00a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b4218080a00000000000000000000000000000000000000000000000000000000000000000a0e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// Every case of ethereum/tests GenesisTests/basic_genesis_tests.json: no config, addresses without `0x`, a
    /// decimal balance, the legacy `wei` balance, `"0x"` as a zero timestamp; `result` is the whole block's RLP.
    @Test func basicGenesisTests() throws {
        let cases = try #require(GenesisFixture.json("ethereum-tests/GenesisTests/basic_genesis_tests.json").objectValue)
        #expect(cases.count == 3)
        for (name, test) in cases {
            let genesis = try GenesisFile(json: test)
            let block = RLP.encodeList([genesis.header().rlp(), RLP.encodeList([]), RLP.encodeList([])])
            #expect(Hex.encode(block, prefixed: false) == test["result"]?.stringValue, "\(name)")
        }
    }
}
