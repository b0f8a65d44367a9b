import Foundation
import SnapshotKit
import Testing
@testable import GethPlugin

/// Reading `debug_accountRange` answers, against answers recorded from real nodes.
@Suite struct AccountRangePageTests {
    /// A state dump written by geth itself (cmd/evm testdata): member names, decimal balance, `0x` code.
    @Test func readsGethsOwnDump() throws {
        let dump = try GethFixtures.json("geth_dump_evmrun_3.out.1", subdirectory: "dumps")
        let page = try AccountRangePage(dump, block: 0)
        #expect(page.next == nil)
        let entry = try #require(page.accounts.first)
        #expect(page.accounts.count == 1)
        #expect(entry.account.address == (try Address(hex: "0x0000000000000000000000007265636569766572")))
        #expect(entry.account.code == [0x60, 0x40])
        #expect(entry.account.storage.isEmpty)
        #expect(entry.key == UInt256(hex: "30d7a0694cb29af31b982480e11d7ebb003a3fca4026939149071f014689b142"))
    }

    /// Erigon's answer against mainnet: storage values without `0x`, the storage root and code hash it lists are
    /// reproduced (so a complete account passes the per-account checks), and accounts come out in key order.
    @Test func readsARecordedMainnetPage() throws {
        let recorded = try GethFixtures.json("erigon_rpctests_debug_accountRange_test_01", subdirectory: "rpc")
        let result = try #require(recorded[0]?["response"]?["result"]).removing("next")
        let page = try AccountRangePage(result, block: 0x472579)
        #expect(page.accounts.map(\.account.address.description) == [
            "0x79a4d87e4a7a11f0376850a271d15ada7b6ee41c", // key 0x419d…
            "0x79a4d725b13d240a2c00bc853747e9b669dc3c23", // key 0xddb3…
            "0x79a4d7d3b799ef0c495cfe6d83d145155d2491be", // key 0xf374…
        ])
        let contract = page.accounts[0].account
        #expect(contract.nonce == 1)
        #expect(contract.storage == [[UInt8](repeating: 0, count: 32): UInt256(hex: "a3c1e324ca1ce40db73ed6026c4a177f099b5770")!])
        #expect(page.accounts[2].account.nonce == 4)
    }

    /// Erigon pages by address, so its `next` is a 20-byte base64 value: not a hashed key, refused.
    @Test func refusesANextThatIsNotAHashedKey() throws {
        let recorded = try GethFixtures.json("erigon_rpctests_debug_accountRange_test_01", subdirectory: "rpc")
        let result = try #require(recorded[0]?["response"]?["result"])
        #expect(throws: AccountRangeError.malformedAnswer("\"next\" is not a 32-byte key: eaTYmi6Cf0jDCXZA95pDWP2I6zg=")) {
            try AccountRangePage(result, block: 0)
        }
    }

    @Test func decodesBase64Next() throws {
        let key = Keccak256.hash(Array("next".utf8))
        let page = try AccountRangePage(.object([("accounts", .object([])), ("next", .string(Data(key).base64EncodedString()))]), block: 0)
        #expect(page.next == UInt256(bigEndian: key))
        #expect(page.accounts.isEmpty)
    }

    /// A base64 key that happens to start with `0x` (one in 4,096; met paging through a 1,000,000-account state) is
    /// base64 all the same; `0x` and 64 hex digits is hex.
    @Test func aBase64NextThatStartsLikeHex() throws {
        let text = "0xdZqBRVj13UGadGC3Sn+CkernlmjxZjIJrZGtLEVJ4="
        let key = try [UInt8](hex: "d31759a814558f5dd419a7460b74a7f8291eae79668f1663209ad91ad2c4549e")
        #expect([UInt8](try #require(Data(base64Encoded: text))) == key)
        let page = try AccountRangePage(.object([("accounts", .object([])), ("next", .string(text))]), block: 0)
        #expect(page.next == UInt256(bigEndian: key))
        let hex = try AccountRangePage(.object([("accounts", .object([])), ("next", .string(Hex.encode(key)))]), block: 0)
        #expect(hex.next == UInt256(bigEndian: key))
    }

    @Test func anAccountWithoutAddressIsAMissingPreimage() throws {
        let key = "0x30d7a0694cb29af31b982480e11d7ebb003a3fca4026939149071f014689b142"
        let account: JSONValue = .object([("balance", .string("1")), ("nonce", .integer(0)), ("key", .string(key))])
        let result: JSONValue = .object([("accounts", .object([("pre(\(key))", account)]))])
        #expect(throws: AccountRangeError.missingAccountPreimage(hashedAddress: try [UInt8](hex: key), block: 9)) {
            try AccountRangePage(result, block: 9)
        }
    }

    /// The recorded contract with its storage slot removed no longer matches its storage root.
    @Test func storageThatMissesItsRootIsIncomplete() throws {
        let recorded = try GethFixtures.json("erigon_rpctests_debug_accountRange_test_01", subdirectory: "rpc")
        let result = try #require(recorded[0]?["response"]?["result"]).removing("next")
        let name = "0x79a4d87e4a7a11f0376850a271d15ada7b6ee41c"
        let tampered = try #require(result["accounts"]).setting(name, to: try #require(result["accounts"]?[name]).removing("storage"))
        #expect(throws: AccountRangeError.incompleteStorage(address: try Address(hex: name), returnedSlots: 0, block: 3)) {
            try AccountRangePage(result.setting("accounts", to: tampered), block: 3)
        }
    }

    @Test func codeThatMissesItsHashIsMissingCode() throws {
        let recorded = try GethFixtures.json("geth_dump_evmrun_3.out.1", subdirectory: "dumps")
        let name = "0x0000000000000000000000007265636569766572"
        let tampered = try #require(recorded["accounts"]).setting(name, to: try #require(recorded["accounts"]?[name]).removing("code"))
        #expect(throws: AccountRangeError.missingCode(address: try Address(hex: name),
                                                      codeHash: try [UInt8](hex: "0x3e48ef54b89079a075f3b8fc253c657a86b110a7aed3568c1517b10edf2c3eb6"))) {
            try AccountRangePage(recorded.setting("accounts", to: tampered), block: 0)
        }
    }

    /// Missing preimages and roots that do not match mean an incomplete state (create exits 3); node set-up problems
    /// do not.
    @Test func whichErrorsMeanAnIncompleteState() {
        let incomplete: [AccountRangeError] = [
            .missingAccountPreimage(hashedAddress: [1], block: 1), .incompleteStorage(address: .zero, returnedSlots: 1, block: 1),
            .missingCode(address: .zero, codeHash: [2]),
        ]
        let setUp: [AccountRangeError] = [
            .debugAPIDisabled(endpoint: "http://127.0.0.1:8545"), .historicalStateUnavailable(block: 1, nodeMessage: "missing trie node"),
            .blockNotFound(block: 1, hash: [3]), .malformedAnswer("x"),
        ]
        #expect(incomplete.map(\.isIncompleteState) == [true, true, true])
        #expect(setUp.map(\.isIncompleteState) == [false, false, false, false])
    }
}
