import Foundation
import TestFixtures
import Testing
@testable import SnapshotKit

/// RLP against ethereum/tests RLPTests (rlptest.json, invalidRLPTest.json, RandomRLPTests/example.json).
@Suite struct RLPTests {
    private static let folder = "ethereum-tests/RLPTests"

    /// One case of rlptest.json: the `in` value as an item, its expected encoding, and its integer form if it is one.
    private struct ValidCase: Sendable, CustomTestStringConvertible {
        let name: String
        let item: RLPItem
        let integer: IntegerInput?
        let encoded: [UInt8]
        var testDescription: String { name }
    }

    /// An integer `in`: a JSON number, or a decimal big integer written as `"#…"`.
    private struct IntegerInput: Sendable {
        let bigEndian: [UInt8]
    }

    private static func loadJSON(_ name: String, subfolder: String = "") throws -> [String: [String: Any]] {
        let directory = subfolder.isEmpty ? folder : "\(folder)/\(subfolder)"
        let url = try TestFixtures.url("\(directory)/\(name).json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        return try #require(object as? [String: [String: Any]])
    }

    private static func validCases() throws -> [ValidCase] {
        try loadJSON("rlptest").sorted { $0.key < $1.key }.map { name, test in
            let input = try #require(test["in"])
            let (item, integer) = try parse(input)
            let encoded = try [UInt8](hex: try #require(test["out"] as? String))
            return ValidCase(name: name, item: item, integer: integer, encoded: encoded)
        }
    }

    private static func parse(_ input: Any) throws -> (RLPItem, IntegerInput?) {
        if let text = input as? String {
            if text.hasPrefix("#") {
                let bytes = try #require(bigEndianBytes(decimal: text.dropFirst()))
                return (.bytes(bytes), IntegerInput(bigEndian: bytes))
            }
            return (.bytes(Array(text.utf8)), nil)
        }
        if let number = input as? NSNumber {
            let bytes = minimalBigEndian(number.uint64Value)
            return (.bytes(bytes), IntegerInput(bigEndian: bytes))
        }
        let list = try #require(input as? [Any])
        return (.list(try list.map { try parse($0).0 }), nil)
    }

    private static func minimalBigEndian(_ value: UInt64) -> [UInt8] {
        Array(withUnsafeBytes(of: value.bigEndian, Array.init).drop { $0 == 0 })
    }

    /// Converts decimal digits to minimal big-endian bytes (schoolbook multiply-add; inputs may exceed 256 bits).
    private static func bigEndianBytes(decimal: Substring) -> [UInt8]? {
        var littleEndian = [UInt8]()
        for character in decimal {
            guard let digit = character.wholeNumberValue else { return nil }
            var carry = digit
            for index in littleEndian.indices {
                let product = Int(littleEndian[index]) * 10 + carry
                littleEndian[index] = UInt8(product & 0xff)
                carry = product >> 8
            }
            while carry > 0 {
                littleEndian.append(UInt8(carry & 0xff))
                carry >>= 8
            }
        }
        return Array(littleEndian.reversed())
    }

    @Test(arguments: try validCases())
    private func encodesAndDecodesValidCase(_ test: ValidCase) throws {
        #expect(RLP.encode(test.item) == test.encoded)
        #expect(try RLP.decode(test.encoded) == test.item)
        if case .bytes(let bytes) = test.item {
            #expect(RLP.encode(bytes: bytes) == test.encoded)
        }
        if let integer = test.integer {
            if integer.bigEndian.count <= 8 {
                let value = integer.bigEndian.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                #expect(RLP.encode(value) == test.encoded)
            }
            if let wide = UInt256(bigEndian: integer.bigEndian) {
                #expect(RLP.encode(wide) == test.encoded)
            }
        }
        if case .list(let items) = test.item {
            #expect(RLP.encodeList(items.map { RLP.encode($0) }) == test.encoded)
        }
    }

    @Test func coversEveryValidCase() throws {
        #expect(try Self.validCases().count == 28)
    }

    @Test func rejectsEveryInvalidCase() throws {
        let cases = try Self.loadJSON("invalidRLPTest")
        #expect(cases.count == 26)
        for (name, test) in cases {
            let encoded = try [UInt8](hex: try #require(test["out"] as? String))
            #expect(throws: RLPError.self, "\(name) must be rejected") { try RLP.decode(encoded) }
        }
    }

    @Test func rejectsInvalidCasesForTheRightReason() throws {
        let expected: [String: RLPError] = [
            "emptyEncoding": .emptyInput,
            "bytesShouldBeSingleByte00": .nonCanonicalSingleByte(offset: 0),
            "bytesShouldBeSingleByte7F": .nonCanonicalSingleByte(offset: 0),
            "leadingZerosInLongLengthArray1": .leadingZeroInLength(offset: 0),
            "leadingZerosInLongLengthList2": .leadingZeroInLength(offset: 0),
            "nonOptimalLongLengthArray1": .nonCanonicalLength(offset: 0),
            "nonOptimalLongLengthList2": .nonCanonicalLength(offset: 0),
            "wrongSizeList": .nonCanonicalLength(offset: 0),
            "lessThanShortLengthArray1": .truncated(offset: 0),
            "lessThanLongLengthList2": .lengthOverflow(offset: 0),
            "lessThanLongLengthArray1": .truncated(offset: 0),
            "int32Overflow": .truncated(offset: 0),
            "incorrectLengthInArray": .leadingZeroInLength(offset: 0),
        ]
        let cases = try Self.loadJSON("invalidRLPTest")
        for (name, error) in expected {
            let encoded = try [UInt8](hex: try #require(cases[name]?["out"] as? String))
            #expect(throws: error, "\(name)") { try RLP.decode(encoded) }
        }
    }

    @Test func decodesRandomExample() throws {
        let cases = try Self.loadJSON("example", subfolder: "RandomRLPTests")
        let test = try #require(cases["listsoflists2"])
        #expect(test["in"] as? String == "VALID")
        let encoded = try [UInt8](hex: try #require(test["out"] as? String))
        let item = try RLP.decode(encoded)
        #expect(item == .list([.list([]), .list([.list([])]), .list([.list([]), .list([.list([])])])]))
        #expect(RLP.encode(item) == encoded)
    }

    @Test func rejectsTrailingBytesAndOverrunningListItems() {
        #expect(throws: RLPError.trailingBytes(offset: 1)) { try RLP.decode([0x80, 0x80]) }
        // A list of one byte whose item claims two bytes.
        #expect(throws: RLPError.truncated(offset: 1)) { try RLP.decode([0xc1, 0x81, 0xff]) }
    }

    @Test func errorDescriptionsAreOneLine() {
        let errors: [RLPError] = [
            .emptyInput, .truncated(offset: 1), .trailingBytes(offset: 2), .nonCanonicalSingleByte(offset: 3),
            .nonCanonicalLength(offset: 4), .leadingZeroInLength(offset: 5), .lengthOverflow(offset: 6),
        ]
        for error in errors {
            #expect(!error.description.isEmpty && !error.description.contains("\n"))
        }
    }
}
