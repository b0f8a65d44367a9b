import Foundation
import Testing
@testable import SnapshotKit

/// ethereum/tests BlockchainTests: the state root of `pre` and of `postState`, and the genesis header built from
/// `genesisBlockHeader`'s fields under the fork rules the test's `network` names.
@Suite struct BlockchainVectorTests {
    static let files = [
        "GeneralStateTests/Pyspecs/berlin/eip2930_access_list/access_list",
        "GeneralStateTests/stSpecialTest/block504980",
        "GeneralStateTests/stTransactionTest/StoreClearsAndInternalCallStoreClearsSuccess",
        "ValidBlocks/bcExample/shanghaiExample",
        "ValidBlocks/bcStateTests/selfdestructBalance",
        "ValidBlocks/bcValidBlockTest/SimpleTx",
    ]

    /// The chain config keys each network of the fixtures activates at genesis, cumulatively.
    static let networks: [(name: String, keys: [String])] = [
        ("Berlin", ["homesteadBlock", "eip150Block", "eip155Block", "eip158Block", "byzantiumBlock", "constantinopleBlock",
                    "petersburgBlock", "istanbulBlock", "berlinBlock"]),
        ("London", ["londonBlock"]),
        ("Paris", ["mergeNetsplitBlock", "terminalTotalDifficulty"]),
        ("Shanghai", ["shanghaiTime"]),
        ("Cancun", ["cancunTime"]),
        ("Prague", ["pragueTime"]),
    ]

    static func config(network: String) throws -> JSONValue {
        let index = try #require(networks.firstIndex { $0.name == network }, "network \(network) has no config here")
        let keys = networks[...index].flatMap(\.keys)
        return .object([("chainId", .integer(1))] + keys.map { ($0, .integer(0)) })
    }

    @Test(arguments: files)
    func genesisAndPostState(_ file: String) throws {
        let tests = try #require(GenesisFixture.json("ethereum-tests/BlockchainTests/\(file).json").objectValue)
        for (name, test) in tests {
            let network = try #require(test["network"]?.stringValue)
            let header = try #require(test["genesisBlockHeader"])
            let pre = try GenesisAlloc.accounts(from: try #require(test["pre"]))
            let root = StateRoot.of(pre)
            #expect(root.hexString == header["stateRoot"]?.stringValue, "\(name): pre root")

            let parameters = try GenesisParameters(json: header.setting("config", to: try Self.config(network: network)))
            let ours = GenesisHeader(parameters: parameters, stateRoot: root)
            #expect(ours.hash().hexString == header["hash"]?.stringValue, "\(name): genesis hash (\(network))")
            guard case .list(let block) = try RLP.decode([UInt8](hex: try #require(test["genesisRLP"]?.stringValue))) else {
                Issue.record("\(name): genesisRLP is not a list"); continue
            }
            #expect(RLP.encode(block[0]).hexString == ours.rlp().hexString, "\(name): genesis header RLP")

            let post = try GenesisAlloc.accounts(from: try #require(test["postState"]))
            let last = try #require(test["lastblockhash"]?.stringValue)
            let blocks = test["blocks"]?.arrayValue ?? []
            let lastHeader = try #require(
                blocks.compactMap { $0["blockHeader"] }.first { $0["hash"]?.stringValue == last }
                    ?? (header["hash"]?.stringValue == last ? header : nil), "\(name): no block has the lastblockhash")
            #expect(StateRoot.of(post).hexString == lastHeader["stateRoot"]?.stringValue, "\(name): post root")
        }
    }

    /// The fixtures cover every header layout from Berlin (no base fee) to Cancun (blob fields).
    @Test func fixturesCoverTheHeaderLayouts() throws {
        var seen = Set<String>()
        for file in Self.files {
            for (_, test) in try #require(GenesisFixture.json("ethereum-tests/BlockchainTests/\(file).json").objectValue) {
                seen.insert(test["network"]?.stringValue ?? "")
            }
        }
        #expect(seen == ["Berlin", "London", "Paris", "Shanghai", "Cancun"])
    }
}
