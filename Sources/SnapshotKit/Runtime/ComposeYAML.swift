import Yams

/// Builds the YAML nodes of a compose file with explicit scalar styles: a string is written plain only when no YAML
/// reader (1.1 or 1.2) can take it for anything but that string, otherwise double-quoted; multi-line strings are
/// literal blocks.
enum ComposeYAML {
    static func string(_ text: String) -> Node {
        let style: Node.Scalar.Style = text.contains("\n") ? .literal : (isSafePlain(text) ? .plain : .doubleQuoted)
        return .scalar(.init(text, Tag(.str), style))
    }

    static func integer(_ value: Int) -> Node {
        .scalar(.init(String(value), Tag(.int), .plain))
    }

    static func boolean(_ value: Bool) -> Node {
        .scalar(.init(value ? "true" : "false", Tag(.bool), .plain))
    }

    static func sequence(_ items: [Node], flow: Bool = false) -> Node {
        .sequence(.init(items, Tag(.seq), flow ? .flow : .block))
    }

    static func strings(_ items: [String], flow: Bool = false) -> Node {
        sequence(items.map(string), flow: flow)
    }

    static func mapping(_ pairs: [(String, Node)]) -> Node {
        .mapping(.init(pairs.map { (string($0.0), $0.1) }, Tag(.map), pairs.isEmpty ? .flow : .block))
    }

    /// A duration in compose's syntax (`2s`).
    static func seconds(_ value: Int) -> Node { string("\(value)s") }

    /// Plain only for `-`s, then a letter, `_`, `/` or `./`, then letters, digits and `_./=,+@-`; never a word
    /// YAML 1.1 reads as a boolean or null (`.inf`, `.5` and numbers are excluded by the first rule).
    private static func isSafePlain(_ text: String) -> Bool {
        let body = text.drop { $0 == "-" }
        guard let first = body.first, first.isASCII else { return false }
        guard first.isLetter || first == "_" || first == "/" || body.hasPrefix("./") else { return false }
        guard body.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_./=,+@-".contains($0)) }) else { return false }
        return !reservedWords.contains(text.lowercased())
    }

    private static let reservedWords: Set<String> = ["y", "yes", "n", "no", "true", "false", "on", "off", "null"]
}
