import Foundation
import TestFixtures
import Testing
@testable import SnapshotKit

/// State roots against an independent oracle and mainnet's genesis.
///
/// Oracle: py-trie 3.x `HexaryTrie` with pyrlp and eth-hash (pycryptodome), outside the project: the secure trie
/// keccak(address) → rlp([nonce, balance, storageRoot, keccak(code)]), storage keccak(slot32) → rlp(value).
@Suite struct StateRootTests {
    private static func address(_ hex: String) throws -> Address {
        try #require(Address(bytes: try [UInt8](hex: hex)))
    }

    private static func slot(_ value: UInt256) -> [UInt8] { value.bigEndianBytes }

    /// The accounts given to the oracle, with the storage root and leaf it computed for each.
    private static func oracleAccounts() throws -> [(account: Account, storageRoot: String, leaf: String)] {
        let emptyRoot = "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"
        let emptyCodeHash = "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
        let storage: [[UInt8]: UInt256] = [slot(UInt256(0)): UInt256(1), slot(UInt256(1)): UInt256(0xdead_beef),
                                           slot(.max): .max, slot(UInt256(2)): .zero]
        return [
            (Account(address: try address("0x0000000000000000000000000000000000000001"), balance: UInt256(1)),
             emptyRoot, "0xf8448001a0" + emptyRoot.dropFirst(2) + "a0" + emptyCodeHash),
            (Account(address: try address("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b"), nonce: 1,
                     balance: UInt256(1_000_000_000_000_000_000)),
             emptyRoot, "0xf84c01880de0b6b3a7640000a0" + emptyRoot.dropFirst(2) + "a0" + emptyCodeHash),
            (Account(address: try address("0x095e7baea6a6c7c4c2dfeb977efac326af552d87"), nonce: 1,
                     code: [0x60, 0x01, 0x60, 0x00, 0x55, 0x00], storage: storage),
             "0x6e4aa8898448a57afeacdc1ecc66d327eac039818e8ffc04576c023edafbef3c",
             "0xf8440180a06e4aa8898448a57afeacdc1ecc66d327eac039818e8ffc04576c023edafbef3ca0"
                + "0dd9fc23b9e0972b48f0c93ebb805660239a90ba27a337a9f24333a8703975cd"),
            (Account(address: try address("0xffffffffffffffffffffffffffffffffffffffff"), nonce: .max, balance: .max),
             emptyRoot, "0xf86c88ffffffffffffffffa0" + String(repeating: "ff", count: 32) + "a0" + emptyRoot.dropFirst(2)
                + "a0" + emptyCodeHash),
        ]
    }

    @Test func storageRootsAndLeavesMatchOracle() throws {
        for (account, storageRoot, leaf) in try Self.oracleAccounts() {
            let root = StateRoot.storageRoot(account.storage)
            #expect(root == (try [UInt8](hex: storageRoot)), "storage root of \(account.address)")
            #expect(StateRoot.accountLeaf(account, storageRoot: root) == (try [UInt8](hex: leaf)), "leaf of \(account.address)")
        }
    }

    @Test func storageRootSkipsZeroValues() throws {
        let storage: [[UInt8]: UInt256] = [Self.slot(UInt256(0)): UInt256(1), Self.slot(UInt256(1)): UInt256(0xdead_beef),
                                           Self.slot(.max): .max, Self.slot(UInt256(2)): .zero]
        #expect(StateRoot.storageRoot(storage)
            == (try [UInt8](hex: "0x6e4aa8898448a57afeacdc1ecc66d327eac039818e8ffc04576c023edafbef3c")))
        #expect(StateRoot.storageRoot([Self.slot(UInt256(2)): .zero]) == MerklePatriciaTrie.emptyRoot)
    }

    @Test func stateRootsMatchOracle() throws {
        let accounts = try Self.oracleAccounts().map(\.account)
        #expect(StateRoot.of(accounts)
            == (try [UInt8](hex: "0xfe2e01d9e66b5041ac9b8fcf92d9cbf0aa20c00f4e14a909b118651fd59083f0")))
        #expect(StateRoot.of(accounts.reversed())
            == (try [UInt8](hex: "0xfe2e01d9e66b5041ac9b8fcf92d9cbf0aa20c00f4e14a909b118651fd59083f0")))
        #expect(StateRoot.of(Array(accounts.prefix(2)))
            == (try [UInt8](hex: "0xb4e3e23046867117dfc8f178ec1328dc44b6d1c95cb686428616698ed95db53f")))
        #expect(StateRoot.of(Array(accounts.prefix(1)))
            == (try [UInt8](hex: "0x8028c28b55eab8be08883e921f20d1b6cc9f2aa02cc6cd90cfaa9b0462ff6d3e")))
        #expect(StateRoot.of([]) == MerklePatriciaTrie.emptyRoot)
    }

    @Test func streamingBuilderMatchesOracle() throws {
        let accounts = try Self.oracleAccounts().map(\.account)
            .sorted { Keccak256.hash($0.address.bytes).lexicographicallyPrecedes(Keccak256.hash($1.address.bytes)) }
        var builder = StateRootBuilder()
        for account in accounts { try builder.append(account) }
        #expect(builder.count == 4)
        #expect(builder.finish() == (try [UInt8](hex: "0xfe2e01d9e66b5041ac9b8fcf92d9cbf0aa20c00f4e14a909b118651fd59083f0")))
    }

    @Test func streamingBuilderRefusesAccountsOutOfHashOrder() throws {
        let accounts = try Self.oracleAccounts().map(\.account)
            .sorted { Keccak256.hash($0.address.bytes).lexicographicallyPrecedes(Keccak256.hash($1.address.bytes)) }
        var builder = StateRootBuilder()
        try builder.append(accounts[1])
        #expect(throws: TrieError.accountOutOfOrder(address: accounts[0].address, previous: accounts[1].address)) {
            try builder.append(accounts[0])
        }
        #expect(throws: TrieError.accountOutOfOrder(address: accounts[1].address, previous: accounts[1].address)) {
            try builder.append(accounts[1])
        }
        #expect(builder.count == 1)
        #expect(!TrieError.accountOutOfOrder(address: accounts[0].address, previous: accounts[1].address)
            .description.contains("\n"))
    }

    /// Mainnet genesis: 8,893 balance-only accounts, state root 0xd7f8974f…0544 (ethereum/tests genesishashestest).
    @Test func mainnetGenesisStateRoot() throws {
        let url = try TestFixtures.url("genesis/mainnet.json")
        let genesis = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let alloc = try #require(genesis["alloc"] as? [String: [String: String]])
        let accounts = try alloc.map { address, fields in
            let balance = try Hex.decodeAllowingOddLength(try #require(fields["balance"]))
            return Account(address: try Self.address(address), balance: try #require(UInt256(bigEndian: balance)))
        }
        #expect(accounts.count == 8893)
        let expected = try [UInt8](hex: "0xd7f8974fb5ac78d9ac099b9ad5018bedc2ce0a72dad1827a1709da30580f0544")
        #expect(StateRoot.of(accounts) == expected)

        let hashed = accounts.map { (hash: Keccak256.hash($0.address.bytes), account: $0) }
            .sorted { $0.hash.lexicographicallyPrecedes($1.hash) }
        var builder = StateRootBuilder()
        for entry in hashed { try builder.append(entry.account) }
        #expect(builder.count == 8893)
        #expect(builder.finish() == expected)
    }

    /// A second, self-consistency check: thousands of random accounts, some with storage, streamed in hash order
    /// and given in random order to `StateRoot.of`.
    @Test func streamingAgreesWithWholeSetOnRandomAccounts() throws {
        var generator = TrieFuzzRandom(seed: 7)
        var accounts = [Account]()
        for index in 0..<3000 {
            let address = try #require(Address(bytes: (0..<20).map { _ in UInt8.random(in: 0...255, using: &generator) }))
            var storage = [[UInt8]: UInt256]()
            if index % 10 == 0 {
                for _ in 0..<Int.random(in: 1...20, using: &generator) {
                    let slot = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
                    storage[slot] = UInt256(UInt64.random(in: 0...UInt64.max, using: &generator))
                }
            }
            accounts.append(Account(address: address, nonce: UInt64.random(in: 0...3, using: &generator),
                                    balance: UInt256(UInt64.random(in: 0...UInt64.max, using: &generator)),
                                    code: index % 10 == 0 ? [0x60, UInt8(index % 256)] : [], storage: storage))
        }
        let inHashOrder = accounts.map { (hash: Keccak256.hash($0.address.bytes), account: $0) }
            .sorted { $0.hash.lexicographicallyPrecedes($1.hash) }
        var builder = StateRootBuilder()
        for entry in inHashOrder { try builder.append(entry.account) }
        #expect(builder.finish() == StateRoot.of(accounts.shuffled(using: &generator)))
    }
}
