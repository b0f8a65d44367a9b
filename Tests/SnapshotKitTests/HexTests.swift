import Foundation
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
        // Every byte that is not a hex digit, in the high and in the low position.
        let digits = Set("0123456789abcdefABCDEF".utf8)
        for byte in UInt8.min...UInt8.max where !digits.contains(byte) {
            #expect([byte, 0x30].withUnsafeBufferPointer { Hex.decode(digits: $0) } == nil, "\(byte)")
            #expect([0x30, byte].withUnsafeBufferPointer { Hex.decode(digits: $0) } == nil, "\(byte)")
        }
    }

    @Test func encodesEveryByte() throws {
        let all = [UInt8](0...255)
        let text = Hex.encode(all, prefixed: false)
        #expect(text == all.map { String(format: "%02x", $0) }.joined())
        #expect(try [UInt8](hex: text.uppercased()) == all)
        var appended: [UInt8] = Array("x".utf8)
        Hex.append(all, to: &appended)
        #expect(appended == Array(("x" + text).utf8))
    }
}
