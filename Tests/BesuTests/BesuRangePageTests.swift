import Foundation
import SnapshotKit
import TestFixtures
import Testing
@testable import BesuPlugin

/// Besu's range answers read into pages: Besu's own recorded answers first, then the shapes it takes on trouble.
@Suite struct BesuRangePageTests {
    static func vector(_ name: String) throws -> JSONValue {
        let url = try TestFixtures.url("rpc/\(name).json")
        return try #require(try JSONParser.parse([UInt8](Data(contentsOf: url)))["response"]?["result"])
    }

    /// Besu's test of `debug_accountRange`: four accounts (in hash-map order), `nextKey` the zero hash.
    @Test func readsBesusAccountRangeAnswer() throws {
        let page = try BesuAccountRangePage(try Self.vector("besu_debug_accountRange_complete"), block: 16)
        #expect(page.next == nil, "the zero nextKey ends the state")
        #expect(page.accounts.map(\.address.description) == [
            "0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b", "0xbcde5374fce5edbc8e2a8697c15331677e6ebf0b",
            "0x8888f1f195afa192cfee860698584c030f4c9db1", "0x6295ee1b4f6dd65047762f924ecd367c17eabf8f",
        ], "ascending by keccak(address), each address hashing to its key")
    }

    /// Besu's test of `debug_storageRangeAt`: five slots with their preimages, complete, no `nextKey`.
    @Test func readsBesusStorageRangeAnswer() throws {
        let address = try Address(hex: "0x6295ee1b4f6dd65047762f924ecd367c17eabf8f")
        let page = try BesuStorageRangePage(try Self.vector("besu_debug_storageRangeAt_blockNumber"), address: address)
        #expect(page.next == nil)
        #expect(page.slots.map { UInt256(bigEndian: $0)!.uint64Value! } == [0, 2, 4, 1, 3], "ascending by keccak(slot)")
    }

    @Test func theZeroAddressMeansAMissingPreimage() throws {
        let hashed = Keccak256.hash(Array(repeating: 0x11, count: 20))
        let answer = JSONValue.object([
            ("addressMap", .object([(hashed.hexString, .string(Address.zero.description))])),
            ("nextKey", .string([UInt8](repeating: 0, count: 32).hexString)),
        ])
        #expect(throws: BesuRangeError.missingAccountPreimage(hashedAddress: hashed, block: 7)) {
            try BesuAccountRangePage(answer, block: 7)
        }
        #expect(BesuRangeError.missingAccountPreimage(hashedAddress: hashed, block: 7).isIncompleteState)
    }

    @Test func anEmptyAnswerMeansNoState() throws {
        #expect(throws: BesuRangeError.stateUnavailable(block: 3)) {
            try BesuAccountRangePage(.object([("addressMap", .object([]))]), block: 3)
        }
        #expect(!BesuRangeError.stateUnavailable(block: 3).isIncompleteState)
        let emptyState = try BesuAccountRangePage(.object([
            ("addressMap", .object([])), ("nextKey", .string([UInt8](repeating: 0, count: 32).hexString)),
        ]), block: 3)
        #expect(emptyState.accounts.isEmpty && emptyState.next == nil)
    }

    @Test func anAddressThatDoesNotHashToItsKeyIsRefused() throws {
        let answer = JSONValue.object([
            ("addressMap", .object([(Keccak256.hash([1]).hexString, .string("0x1111111111111111111111111111111111111111"))])),
            ("nextKey", .string([UInt8](repeating: 0, count: 32).hexString)),
        ])
        #expect { try BesuAccountRangePage(answer, block: 1) } throws: { error in
            if case .malformedAnswer(let method, _) = error as? BesuRangeError { return method == "debug_accountRange" }
            return false
        }
    }

    @Test func aSlotWithoutPreimageAndBesusShortValues() throws {
        let address = try Address(hex: "0x6295ee1b4f6dd65047762f924ecd367c17eabf8f")
        let slot = UInt256(5).bigEndianBytes
        let hashed = Keccak256.hash(slot)
        #expect(throws: BesuRangeError.missingStoragePreimage(address: address, hashedSlot: hashed)) {
            try BesuStorageRangePage(.object([
                ("storage", .object([(hashed.hexString, .object([("value", .string("0x01"))]))])), ("complete", .bool(true)),
            ]), address: address)
        }
        // Short values: the key trimmed to whole bytes, "0x00" for slot zero; a next key to go on from.
        let zero = Keccak256.hash(UInt256.zero.bigEndianBytes)
        let page = try BesuStorageRangePage(.object([
            ("storage", .object([
                (hashed.hexString, .object([("key", .string("0x05")), ("value", .string("0x07"))])),
                (zero.hexString, .object([("key", .string("0x00")), ("value", .string("0x01"))])),
            ])),
            ("nextKey", .string("0xff" + String(repeating: "0", count: 62))), ("complete", .bool(false)),
        ]), address: address)
        #expect(Set(page.slots) == [slot, UInt256.zero.bigEndianBytes])
        #expect(page.next == [0xff] + [UInt8](repeating: 0, count: 31))
    }
}
