/// A byte-level reader for the plain shape of one account object — `{"name": "text" | digits | {"text": "text", …}, …}`
/// — that builds nothing but ranges into the input, for the hot path of reading millions of accounts.
///
/// It accepts only the plain form: strings without escapes or control characters, unsigned integers, and objects of
/// such strings one level deep. Anything else (escapes, `null`, booleans, arrays, fractions, deeper nesting, a
/// repeated member name) makes `parse` return `false`, and the caller reads the text with `JSONParser` instead, so
/// results and error messages are exactly the full parser's. Buffers are reused from one object to the next.
struct FlatJSONObject {
    /// What a member's value is.
    enum Kind { case string, number, object }

    /// One member: name and value as byte ranges of the input (strings without their quotes); for an object, its
    /// pairs are `pairs[pairRange]`.
    struct Member {
        var name: Range<Int>
        var kind: Kind
        var value: Range<Int>
        var pairs: Range<Int>
    }

    private(set) var members: [Member] = []
    /// Key and value ranges of the pairs of every object member.
    private(set) var pairs: [(key: Range<Int>, value: Range<Int>)] = []

    /// Reads `bytes` (one object and nothing but white space around it); `false` when it is not in the plain form.
    mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        members.removeAll(keepingCapacity: true)
        pairs.removeAll(keepingCapacity: true)
        var index = 0
        let count = bytes.count

        func skipSpace() {
            while index < count, bytes[index] == 0x20 || bytes[index] == 0x0a || bytes[index] == 0x0d || bytes[index] == 0x09 { index += 1 }
        }
        /// A plain string at `index`; its inner range.
        func string() -> Range<Int>? {
            guard index < count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            let start = index
            while index < count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return start..<index - 1
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
                index += 1
            }
            return nil
        }
        /// An unsigned integer without leading zeros.
        func number() -> Range<Int>? {
            let start = index
            while index < count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            guard index > start, bytes[start] != UInt8(ascii: "0") || index == start + 1 else { return nil }
            if index < count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                return nil
            }
            return start..<index
        }
        /// `,` (then `true`) or `close` (then `false`); `nil` for anything else.
        func separator(_ close: UInt8) -> Bool? {
            skipSpace()
            guard index < count else { return nil }
            if bytes[index] == UInt8(ascii: ",") { index += 1; return true }
            if bytes[index] == close { index += 1; return false }
            return nil
        }

        /// A member's `"name"` and its `:`, with the space around them.
        func memberName() -> Range<Int>? {
            skipSpace()
            guard let name = string() else { return nil }
            skipSpace()
            guard index < count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            skipSpace()
            return name
        }

        skipSpace()
        guard index < count, bytes[index] == UInt8(ascii: "{") else { return false }
        index += 1
        skipSpace()
        if index < count, bytes[index] == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                guard let name = memberName(), index < count else { return false }
                let member: Member
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard let value = string() else { return false }
                    member = Member(name: name, kind: .string, value: value, pairs: 0..<0)
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    guard let value = number() else { return false }
                    member = Member(name: name, kind: .number, value: value, pairs: 0..<0)
                case UInt8(ascii: "{"):
                    let start = index, first = pairs.count
                    index += 1
                    skipSpace()
                    if index < count, bytes[index] == UInt8(ascii: "}") {
                        index += 1
                    } else {
                        while true {
                            guard let key = memberName(), let value = string() else { return false }
                            pairs.append((key, value))
                            guard let more = separator(UInt8(ascii: "}")) else { return false }
                            if !more { break }
                        }
                    }
                    member = Member(name: name, kind: .object, value: start..<index, pairs: first..<pairs.count)
                default:
                    return false
                }
                for other in members where bytes[other.name].elementsEqual(bytes[name]) { return false }
                members.append(member)
                guard let more = separator(UInt8(ascii: "}")) else { return false }
                if !more { break }
            }
        }
        skipSpace()
        return index == count
    }
}
