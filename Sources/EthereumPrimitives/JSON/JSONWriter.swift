/// Serialises `JSONValue`s, compact or indented, preserving member order and number text.
public enum JSONWriter {
    /// The JSON text of `value`; `indent` > 0 pretty-prints with that many spaces per level.
    public static func string(_ value: JSONValue, indent: Int = 0) -> String {
        var out = ""
        write(value, indent: indent, level: 0, into: &out)
        return out
    }

    /// Appends the JSON text of `value` to `out`.
    public static func write(_ value: JSONValue, indent: Int, level: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): writeString(text, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (position, item) in items.enumerated() {
                if position > 0 { out += "," }
                newline(indent: indent, level: level + 1, into: &out)
                write(item, indent: indent, level: level + 1, into: &out)
            }
            newline(indent: indent, level: level, into: &out)
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (position, member) in members.enumerated() {
                if position > 0 { out += "," }
                newline(indent: indent, level: level + 1, into: &out)
                writeString(member.key, into: &out)
                out += indent > 0 ? ": " : ":"
                write(member.value, indent: indent, level: level + 1, into: &out)
            }
            newline(indent: indent, level: level, into: &out)
            out += "}"
        }
    }

    /// Appends `text` as a JSON string literal.
    public static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    private static func newline(indent: Int, level: Int, into out: inout String) {
        guard indent > 0 else { return }
        out += "\n" + String(repeating: " ", count: indent * level)
    }
}
