import Testing
@testable import SnapshotKit

@Suite struct HexTests {
    @Test func roundTripsPrefixedAndBare() throws {
        #expect(try [UInt8](hex: "0x00ff10") == [0x00, 0xff, 0x10])
        #expect(try [UInt8](hex: "00FF10") == [0x00, 0xff, 0x10])
        #expect([UInt8]([0xde, 0xad]).hexString == "0xdead")
        #expect(try [UInt8](hex: "0x") == [])
    }

    @Test func rejectsBadInput() throws {
        #expect(throws: Hex.DecodingError.oddLength("0x123")) { try [UInt8](hex: "0x123") }
        #expect(throws: Hex.DecodingError.invalidCharacter("0xzz")) { try [UInt8](hex: "0xzz") }
        #expect(try Hex.decodeAllowingOddLength("0x123") == [0x01, 0x23])
    }
}
