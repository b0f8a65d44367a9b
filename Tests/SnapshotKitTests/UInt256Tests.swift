import Foundation
import TestFixtures
import Testing
@testable import SnapshotKit

/// UInt256 parsing, formatting and arithmetic against third-party numbers.
@Suite struct UInt256Tests {
    /// Every integer of ethereum/tests RLPTests/rlptest.json (JSON numbers and `"#<decimal>"` big integers) with its
    /// RLP (`out`): the decimal text parsed must give the encoded big-endian bytes and format back to the same text.
    /// The `bigint` case is 2^256, one too many.
    @Test func decimalBigIntegersOfRLPTests() throws {
        let url = try TestFixtures.url("ethereum-tests/RLPTests/rlptest.json")
        let tests = try JSONParser.parse([UInt8](Data(contentsOf: url)))
        var checked = 0
        for (name, test) in try #require(tests.objectValue) {
            let digits: String
            switch test["in"] {
            case .number(let text)?: digits = text
            case .string(let text)? where text.hasPrefix("#"): digits = String(text.dropFirst())
            default: continue
            }
            guard case .bytes(let payload) = try RLP.decode([UInt8](hex: try #require(test["out"]?.stringValue))) else {
                Issue.record("\(name): out is not a byte string"); continue
            }
            if payload.count > 32 {
                #expect(UInt256(decimal: digits) == nil, "\(name) exceeds 256 bits")
            } else {
                let value = try #require(UInt256(decimal: digits), "\(name)")
                #expect(value.trimmedBytes == payload, "\(name)")
                #expect(value.decimalString == digits, "\(name)")
                if !payload.isEmpty { #expect(UInt256(hex: Hex.encode(payload)) == value, "\(name)") }
            }
            checked += 1
        }
        #expect(checked == 11)
    }

    /// go-ethereum @ 02b73d4e: common/hexutil/hexutil_test.go `encodeBigTests` and `encodeUint64Tests` (minimal
    /// quantities, zero as `0x0`).
    @Test(arguments: [
        ("0", "0x0"), ("1", "0x1"), ("ff", "0xff"), ("112233445566778899aabbccddeeff", "0x112233445566778899aabbccddeeff"),
        ("80a7f2c1bcc396c00", "0x80a7f2c1bcc396c00"), ("1122334455667788", "0x1122334455667788"),
    ])
    func hexQuantity(_ reference: String, _ expected: String) throws {
        #expect(try #require(UInt256(hex: reference)).hexQuantity == expected)
    }

    /// The same number written both ways in one third-party genesis (shared vectors' cl-genesis case a: the EOA
    /// balances `0x33b2e3c9fd0803ce8000000` and `1000000000000000000000000000`), and 10^27 by repeated ×10.
    @Test func hexAndDecimalAgree() throws {
        let hex = try #require(UInt256(hex: "0x33b2e3c9fd0803ce8000000"))
        #expect(UInt256(decimal: "1000000000000000000000000000") == hex)
        #expect(hex.decimalString == "1000000000000000000000000000")
        var power = UInt256(1)
        for _ in 0..<27 { power = power.multipliedReportingOverflow(by: 10).partialValue }
        #expect(power == hex)
        #expect(UInt256(hex: "33B2E3C9FD0803CE8000000") == hex, "bare and uppercase")
        #expect(UInt256(hex: "0x033b2e3c9fd0803ce8000000") == hex, "leading zero")
    }

    /// 2^200 as ethereum/tests GenesisTests/basic_genesis_tests.json `test2` writes it, built by doubling.
    @Test func doublingReachesTwoToTheTwoHundred() throws {
        var value = UInt256(1)
        for _ in 0..<200 {
            let (doubled, overflow) = value.addingReportingOverflow(value)
            #expect(!overflow)
            value = doubled
        }
        #expect(value.decimalString == "1606938044258990275541962092341162602522202993782792835301376")
        #expect(value.hexQuantity == "0x1" + String(repeating: "0", count: 50))
        let (halved, remainder) = value.quotientAndRemainder(dividingBy: 1 << 40)
        #expect(remainder == 0)
        #expect(halved.hexQuantity == "0x1" + String(repeating: "0", count: 40))
    }

    @Test func overflowIsReported() throws {
        let maxDecimal = "115792089237316195423570985008687907853269984665640564039457584007913129639935"
        #expect(UInt256(decimal: maxDecimal) == .max)
        #expect(UInt256.max.decimalString == maxDecimal)
        #expect(UInt256(hex: String(repeating: "f", count: 64)) == .max)
        #expect(UInt256(hex: "1" + String(repeating: "0", count: 64)) == nil)
        #expect(UInt256.max.addingReportingOverflow(1) == (.zero, true))
        #expect(UInt256.zero.subtractingReportingOverflow(1) == (.max, true))
        #expect(UInt256.max.multipliedReportingOverflow(by: 2) == (UInt256.max.subtractingReportingOverflow(1).partialValue, true))
        let carry = UInt256(limbs: (0, 0, 0, .max)).addingReportingOverflow(1)
        #expect(carry == (UInt256(limbs: (0, 0, 1, 0)), false))
        let borrow = UInt256(limbs: (0, 1, 0, 0)).subtractingReportingOverflow(1)
        #expect(borrow == (UInt256(limbs: (0, 0, .max, .max)), false))
    }

    @Test func rejectsMalformedText() {
        for text in ["", "-1", "1.5", "1e3", " 1", "12a"] { #expect(UInt256(decimal: text) == nil, "\(text)") }
        for text in ["", "0x", "0xg", "zz"] { #expect(UInt256(hex: text) == nil, "\(text)") }
    }

    /// Decimal text is read 19 digits at a time: lengths around the chunk boundaries round-trip through the
    /// division-based formatter, and hex takes any number of leading zeros.
    @Test func digitCountsAroundTheChunkBoundaries() {
        for count in [1, 18, 19, 20, 37, 38, 39, 57, 58, 76, 77] {
            let pattern = Array("3074185296".utf8)
            let digits = String(decoding: (0..<count).map { pattern[$0 % 10] }, as: UTF8.self)
            #expect(UInt256(decimal: digits)?.decimalString == digits, "\(count) digits")
        }
        #expect(UInt256(hex: String(repeating: "0", count: 70) + "1") == UInt256(1))
        #expect(UInt256(hex: "0x" + String(repeating: "0", count: 64)) == .zero)
        #expect(UInt256(bigEndian: [UInt8](repeating: 0, count: 31) + [5]) == UInt256(5))
        #expect(UInt256(bigEndian: [UInt8](repeating: 0xff, count: 33)) == nil)
        #expect(UInt256(limbs: (1, 0, 0, 0x0102)).trimmedBytes == [1] + [UInt8](repeating: 0, count: 22) + [1, 2])
        #expect(UInt256(bigEndian: UInt256.max.bigEndianBytes) == .max)
    }

    @Test func ordersAndConverts() {
        #expect(UInt256(limbs: (0, 0, 1, 0)) > UInt256(UInt64.max))
        #expect(UInt256(7).uint64Value == 7)
        #expect(UInt256(limbs: (0, 0, 1, 0)).uint64Value == nil)
        #expect(UInt256.zero.decimalString == "0")
        #expect(UInt256(10_000_000_000_000_000_000).decimalString == "10000000000000000000")
    }
}

private func == (lhs: (UInt256, Bool), rhs: (UInt256, Bool)) -> Bool { lhs.0 == rhs.0 && lhs.1 == rhs.1 }
