/// The form of a flag's value in a CLI contract.
enum ValueForm: String, Decodable, Equatable {
    /// A switch: no value allowed.
    case none
    /// A switch, or `=true` / `=false`.
    case optionalBool = "optional-bool"
    /// `true` or `false`.
    case bool
    /// An unsigned decimal.
    case int
    /// A file-system path.
    case path
    /// An absolute URL with a scheme and a host.
    case url
    /// A hostname, an IP address, `*`, or a comma-separated list of them.
    case host
    /// Any text.
    case string
    /// One of the flag's `choices`.
    case `enum`
    /// Comma-separated items, each one of the `choices` when there are choices.
    case list
    /// `0x` followed by hexadecimal digits.
    case hex

    /// Whether `value` has this form; `choices` constrains `enum` and `list`.
    func accepts(_ value: String, choices: [String]?) -> Bool {
        switch self {
        case .none: false
        case .optionalBool, .bool: value == "true" || value == "false"
        case .int: !value.isEmpty && value.allSatisfy { $0.isASCII && $0.isNumber }
        case .path: !value.isEmpty && !value.contains("://") && !value.contains(where: \.isWhitespace)
        case .url: Self.isURL(value)
        case .host: !value.isEmpty && value.split(separator: ",", omittingEmptySubsequences: false).allSatisfy(Self.isHost)
        case .string: true
        case .enum: choices?.contains(value) ?? false
        case .list:
            !value.isEmpty && value.split(separator: ",", omittingEmptySubsequences: false).allSatisfy { item in
                !item.isEmpty && (choices?.contains(String(item)) ?? true)
            }
        case .hex:
            value.count > 2 && value.hasPrefix("0x") && value.dropFirst(2).allSatisfy(\.isHexDigit)
        }
    }

    private static func isURL(_ value: String) -> Bool {
        guard let range = value.range(of: "://") else { return false }
        let scheme = value[..<range.lowerBound]
        let rest = value[range.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" }
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0 == "+" } && !host.isEmpty
            && !value.contains(where: \.isWhitespace)
    }

    private static func isHost(_ item: Substring) -> Bool {
        item == "*" || (!item.isEmpty && item.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-.:[]_".contains($0)) })
    }
}
