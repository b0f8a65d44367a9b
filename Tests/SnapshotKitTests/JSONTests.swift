import Testing
@testable import SnapshotKit

@Suite struct JSONTests {
    @Test func keepsOrderAndBigNumbers() throws {
        let text = #"{"config":{"chainId":1,"terminalTotalDifficulty":58750000000000000000000},"alloc":{},"a":[true,null,-1.5e3,"x\u00e9\n"]}"#
        let value = try JSONParser.parse(text)
        #expect(value.objectValue?.map(\.key) == ["config", "alloc", "a"])
        #expect(value["config"]?["terminalTotalDifficulty"] == .number("58750000000000000000000"))
        #expect(value["CONFIG"]?["chainid"] == .number("1"))
        #expect(value["a"]?[3] == .string("xé\n"))
        #expect(JSONWriter.string(value) == #"{"config":{"chainId":1,"terminalTotalDifficulty":58750000000000000000000},"alloc":{},"a":[true,null,-1.5e3,"xé\n"]}"#)
        #expect(try JSONParser.parse(JSONWriter.string(value, indent: 2)) == value)
    }

    @Test func decodesSurrogatePairs() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"\\x\"", "tru", "{} x", "\"\u{01}\"", "\"\\ud800\""])
    func rejectsMalformed(_ text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(text) }
    }

    @Test func editsObjects() {
        let value = JSONValue.object([("a", .integer(1)), ("b", .null)])
        #expect(value.setting("a", to: .string("x")).objectValue?.map(\.key) == ["a", "b"])
        #expect(value.setting("c", to: .bool(true))["c"] == .bool(true))
        #expect(value.removing("a").objectValue?.map(\.key) == ["b"])
    }
}
