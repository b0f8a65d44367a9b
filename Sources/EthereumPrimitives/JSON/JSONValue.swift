/// A JSON value that keeps object key order and the exact text of numbers.
///
/// Ethereum JSON carries integers larger than any machine word (balances, total difficulty) and files whose key order
/// matters to some readers (a genesis' `config` must come first), so `JSONSerialization`'s `Double`s and unordered
/// dictionaries will not do.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number as written, e.g. `58750000000000000000000`.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in document order.
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// The member named `key` of an object (exact match first, then case-insensitive as Go's decoder does).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        if let exact = members.first(where: { $0.key == key }) { return exact.value }
        return members.first { Self.equalIgnoringCase($0.key, key) }?.value
    }

    /// Whether two member names are equal but for letter case; ASCII names are compared without allocating.
    private static func equalIgnoringCase(_ a: String, _ b: String) -> Bool {
        var (left, right) = (a.utf8.makeIterator(), b.utf8.makeIterator())
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return true
            case (let x?, let y?) where x < 0x80 && y < 0x80:
                if x | (x &- 0x41 < 26 ? 0x20 : 0) != y | (y &- 0x41 < 26 ? 0x20 : 0) { return false }
            case (_?, _?): return a.lowercased() == b.lowercased()
            default: return false
            }
        }
    }

    /// The element at `index` of an array.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    public var objectValue: [(key: String, value: JSONValue)]? { if case .object(let o) = self { o } else { nil } }
    public var isNull: Bool { if case .null = self { true } else { false } }

    /// The number's text for `.number`, the string for `.string`: the raw text of a scalar that may be written either way.
    public var scalarText: String? {
        switch self {
        case .number(let text), .string(let text): text
        default: nil
        }
    }

    /// A copy of this object with `key` set to `value` (replacing in place, or appended at the end).
    public func setting(_ key: String, to value: JSONValue) -> JSONValue {
        guard case .object(var members) = self else { return self }
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].value = value
        } else {
            members.append((key, value))
        }
        return .object(members)
    }

    /// A copy of this object without `key`.
    public func removing(_ key: String) -> JSONValue {
        guard case .object(let members) = self else { return self }
        return .object(members.filter { $0.key != key })
    }
}

extension JSONValue {
    /// A JSON number from an integer.
    public static func integer(_ value: some BinaryInteger) -> JSONValue { .number(String(value)) }
}
