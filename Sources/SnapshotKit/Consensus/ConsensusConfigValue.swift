import Yams

/// One value of a consensus `config.yaml` as written: a scalar with its text and quoting, or a sequence or mapping of
/// values (such as `BLOB_SCHEDULE`). Kept as text so a rewritten file carries every untouched value exactly.
public indirect enum ConsensusConfigValue: Sendable, Equatable {
    /// How a scalar was written.
    public enum Style: Sendable, Equatable {
        /// Unquoted: YAML resolves it (integers, `null`, …).
        case plain
        /// `'text'`.
        case singleQuoted
        /// `"text"`.
        case doubleQuoted
    }

    /// A scalar's text (without quotes) and style.
    case scalar(String, Style)
    /// A sequence, in order.
    case sequence([ConsensusConfigValue])
    /// A mapping, members in document order.
    case mapping([ConsensusConfigEntry])

    /// A plain scalar holding a decimal integer.
    public static func integer(_ value: UInt64) -> ConsensusConfigValue { .scalar(String(value), .plain) }

    /// The value of an integer scalar as eth-beacon-genesis reads it: a plain YAML integer (decimal, `0x`, `0o`, `0b`,
    /// underscores ignored) or a quoted decimal string. Nil for anything else.
    public var unsignedInteger: UInt64? {
        guard case .scalar(let text, let style) = self else { return nil }
        if style == .plain { return GoYAMLInteger(text)?.unsigned }
        return UInt64(text)
    }

    // MARK: Reading

    init(node: Node) {
        switch node {
        case .scalar(let scalar):
            let style: Style =
                switch scalar.style {
                case .singleQuoted: .singleQuoted
                case .doubleQuoted: .doubleQuoted
                default: .plain
                }
            self = .scalar(scalar.string, style)
        case .sequence(let sequence):
            self = .sequence(sequence.map(ConsensusConfigValue.init(node:)))
        case .mapping(let mapping):
            self = .mapping(mapping.map { ConsensusConfigEntry(key: $0.key.string ?? "", value: .init(node: $0.value)) })
        case .alias:
            self = .scalar("", .plain)
        }
    }

    // MARK: Writing

    /// The YAML lines of `key: value` at `indent` spaces.
    func lines(key: String, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        switch self {
        case .scalar, .sequence([]), .mapping([]):
            return ["\(pad)\(key): \(inlineText)"]
        case .sequence, .mapping:
            return ["\(pad)\(key):"] + blockLines(indent: indent + 2)
        }
    }

    /// The text of a scalar or empty collection written on one line.
    private var inlineText: String {
        switch self {
        case .scalar(let text, .plain): text
        case .scalar(let text, .singleQuoted): "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        case .scalar(let text, .doubleQuoted):
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .sequence: "[]"
        case .mapping: "{}"
        }
    }

    /// Block-style lines of a non-empty sequence or mapping.
    private func blockLines(indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        switch self {
        case .mapping(let entries):
            return entries.flatMap { $0.value.lines(key: $0.key, indent: indent) }
        case .sequence(let items):
            return items.flatMap { item -> [String] in
                switch item {
                case .mapping(let entries) where !entries.isEmpty:
                    // `- KEY: value` then the other members aligned under the first.
                    var lines = item.blockLines(indent: indent + 2)
                    lines[0] = pad + "- " + lines[0].dropFirst(indent + 2)
                    return lines
                case .sequence(let inner) where !inner.isEmpty:
                    return ["\(pad)-"] + item.blockLines(indent: indent + 2)
                default:
                    return ["\(pad)- \(item.inlineText)"]
                }
            }
        case .scalar:
            return [pad + inlineText]
        }
    }
}

/// One `KEY: value` member of a consensus config mapping.
public struct ConsensusConfigEntry: Sendable, Equatable {
    public var key: String
    public var value: ConsensusConfigValue

    public init(key: String, value: ConsensusConfigValue) {
        self.key = key
        self.value = value
    }
}

/// A plain YAML scalar read as an integer the way Go's `gopkg.in/yaml.v3` reads one into an `interface{}`: underscores
/// dropped, then `strconv.ParseInt(text, 0, 64)` (decimal, `0x`, `0o`, `0b`, leading-zero octal), else
/// `strconv.ParseUint(text, 0, 64)`.
struct GoYAMLInteger: Equatable {
    /// The value as Go's `uint64(value)` conversion gives it.
    let unsigned: UInt64
    /// Whether yaml.v3 produced a Go `int` (the value fits in an int64) rather than a `uint64`.
    let isSignedInt: Bool

    init?(_ text: String) {
        var body = Substring(text.replacingOccurrences(of: "_", with: ""))
        var negative = false
        if body.hasPrefix("+") {
            body = body.dropFirst()
        } else if body.hasPrefix("-") {
            negative = true
            body = body.dropFirst()
        }
        let radix: Int
        let lowered = body.lowercased()
        if lowered.hasPrefix("0x") {
            radix = 16
            body = body.dropFirst(2)
        } else if lowered.hasPrefix("0o") {
            radix = 8
            body = body.dropFirst(2)
        } else if lowered.hasPrefix("0b") {
            radix = 2
            body = body.dropFirst(2)
        } else if body.count > 1, body.hasPrefix("0") {
            radix = 8
            body = body.dropFirst()
        } else {
            radix = 10
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isHexDigit }),
            let magnitude = UInt64(body, radix: radix)
        else { return nil }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            unsigned = magnitude == 0 ? 0 : ~magnitude &+ 1
            isSignedInt = true
        } else {
            unsigned = magnitude
            isSignedInt = magnitude <= UInt64(Int64.max)
        }
    }
}
