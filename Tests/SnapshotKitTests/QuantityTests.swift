import Testing
@testable import SnapshotKit

/// Quantity reading against go-ethereum's own tables for the `HexOrDecimal` types genesis files are decoded with.
@Suite struct QuantityTests {
    /// go-ethereum @ 02b73d4e: common/math/big_test.go `TestHexOrDecimal256` (nil = must fail).
    @Test(arguments: [
        ("", "0"), ("0", "0"), ("0x0", "0"), ("12345678", "12345678"), ("0x12345678", "305419896"),
        ("0X12345678", "305419896"), ("0123456789", "123456789"), ("00", "0"), ("0x00", "0"),
        ("0x012345678abc", "1250999896764"), ("abcdef", nil), ("0xgg", nil),
        ("115792089237316195423570985008687907853269984665640564039457584007913129639936", nil),
    ] as [(String, String?)])
    func hexOrDecimal256(_ input: String, _ expected: String?) {
        #expect(Quantity.uint256(text: input)?.decimalString == expected)
    }

    /// go-ethereum @ 02b73d4e: common/math/integer_test.go `TestHexOrDecimal64` (nil = must fail).
    @Test(arguments: [
        ("", 0), ("0", 0), ("0x0", 0), ("12345678", 12_345_678), ("0x12345678", 0x1234_5678), ("0X12345678", 0x1234_5678),
        ("0123456789", 123_456_789), ("0x00", 0), ("0x012345678abc", 0x123_4567_8abc), ("abcdef", nil), ("0xgg", nil),
        ("18446744073709551617", nil),
    ] as [(String, UInt64?)])
    func hexOrDecimal64(_ input: String, _ expected: UInt64?) {
        #expect(Quantity.uint64(text: input) == expected)
    }

    @Test func readsJSONNumbersAndStrings() throws {
        #expect(try Quantity.uint64(.number("1742212800"), field: "timestamp") == 1_742_212_800)
        #expect(try Quantity.uint64(.string("1742212800"), field: "timestamp") == 1_742_212_800)
        #expect(try Quantity.uint64(.string("0x67d80ec0"), field: "timestamp") == 1_742_212_800)
        // ethereum/tests GenesisTests writes an empty quantity as "0x".
        #expect(try Quantity.uint64(.string("0x"), field: "timestamp") == 0)
        #expect(try Quantity.uint256(.number("58750000000000000000000"), field: "ttd").hexQuantity == "0xc70d808a128d7380000")
    }

    @Test func errorsNameTheFieldAndTheProblem() {
        func failure(_ value: JSONValue, bits64: Bool = true) -> Quantity.ParseError? {
            do {
                if bits64 { _ = try Quantity.uint64(value, field: "alloc 0x01 nonce") } else { _ = try Quantity.uint256(value, field: "alloc 0x01 balance") }
                return nil
            } catch { return error }
        }
        #expect(failure(.string("ten"))?.reason == .notANumber)
        #expect(failure(.number("-1"))?.reason == .notANumber)
        #expect(failure(.number("1.5"))?.reason == .notANumber)
        #expect(failure(.number("1e3"))?.reason == .notANumber)
        #expect(failure(.string("18446744073709551616"))?.reason == .tooLarge(bits: 64))
        #expect(failure(.string("0x" + String(repeating: "f", count: 65)), bits64: false)?.reason == .tooLarge(bits: 256))
        #expect(failure(.bool(true))?.reason == .wrongType("a boolean"))
        #expect(failure(.object([])) != nil)
        let message = failure(.string("ten"), bits64: false)?.description ?? ""
        #expect(message.hasPrefix("alloc 0x01 balance: \"ten\" is not a number"))
        #expect(!message.contains("\n"))
    }
}
