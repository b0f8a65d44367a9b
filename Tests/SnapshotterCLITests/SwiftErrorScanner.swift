import Foundation

/// Finds the error types a Swift source declares: every struct, enum, class or actor whose inheritance clause names
/// `Error`, with its qualified name (`PluginRegistry.LookupError`), whether it (or an extension of it in the same
/// scan) declares `description`, and for an enum its cases.
///
/// It reads tokens, not lines: comments and string literals (with their interpolations, raw and multi-line forms) are
/// skipped, and braces give the nesting, so formatting does not change what it finds.
struct SwiftErrorScanner {
    struct ErrorType: Equatable {
        enum Kind: String { case `struct`, `enum`, `class`, actor }
        let name: String
        let kind: Kind
        let cases: [String]
        let file: String
    }

    private struct Scope {
        let kind: String
        let name: String
        let bodyDepth: Int
        var conformsToError: Bool
        var cases: [String] = []
    }

    private var errorScopes: [(scope: Scope, file: String)] = []
    private var describedTypes = Set<String>()

    /// The error types with a `description`, by qualified name.
    var errorTypes: [ErrorType] {
        errorScopes.filter { describedTypes.contains($0.scope.name) }.compactMap { entry in
            ErrorType.Kind(rawValue: entry.scope.kind).map {
                ErrorType(name: entry.scope.name, kind: $0, cases: entry.scope.cases, file: entry.file)
            }
        }.sorted { $0.name < $1.name }
    }

    /// Adds the declarations of one source file.
    mutating func scan(_ source: String, file: String) {
        let tokens = SwiftTokenizer(source).tokens
        var depth = 0
        var scopes: [Scope] = []
        var pending: (kind: String, name: String, header: [String])?
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if var declaration = pending, token != "{" {
                declaration.header.append(token)
                pending = declaration
                index += 1
                continue
            }
            switch token {
            case "{":
                depth += 1
                if let declaration = pending {
                    let path = (scopes.map(\.name).last.map { [$0] } ?? []) + [declaration.name]
                    let name = declaration.kind == "extension" ? declaration.name : path.joined(separator: ".")
                    scopes.append(Scope(kind: declaration.kind, name: name, bodyDepth: depth,
                                        conformsToError: Self.namesError(declaration.header)))
                    pending = nil
                }
            case "}":
                depth -= 1
                while let last = scopes.last, last.bodyDepth > depth {
                    if last.conformsToError, last.kind != "extension", last.kind != "protocol" { errorScopes.append((last, file)) }
                    scopes.removeLast()
                }
            case "struct", "enum", "class", "actor", "extension", "protocol":
                let next = index + 1 < tokens.count ? tokens[index + 1] : ""
                let previous = index > 0 ? tokens[index - 1] : ""
                guard previous != ".", next.first?.isLetter == true || next.first == "_",
                      !["func", "var", "let", "subscript", "init", "case"].contains(next) else { break }
                var name = next
                index += 1
                while index + 2 < tokens.count, tokens[index + 1] == ".", tokens[index + 2].first?.isLetter == true {
                    name += "." + tokens[index + 2]
                    index += 2
                }
                pending = (token, name, [])
            case "case" where scopes.last?.kind == "enum" && scopes.last?.bodyDepth == depth:
                index = Self.readCases(tokens, after: index, into: &scopes[scopes.count - 1].cases)
                continue
            case "var" where scopes.last?.bodyDepth == depth && index + 1 < tokens.count && tokens[index + 1] == "description":
                if let scope = scopes.last { describedTypes.insert(scope.name) }
            default:
                break
            }
            index += 1
        }
    }

    /// Whether an inheritance clause (the tokens between the name and `{`) lists `Error` or `Swift.Error`.
    private static func namesError(_ header: [String]) -> Bool {
        guard let colon = header.firstIndex(of: ":") else { return false }
        var angle = 0
        for (offset, token) in header[(colon + 1)...].enumerated() {
            if token == "<" { angle += 1 }
            if token == ">" { angle -= 1 }
            if token == "where" { return false }
            let position = colon + 1 + offset
            if angle == 0, token == "Error", header[position - 1] != "any" { return true }
        }
        return false
    }

    /// Reads `case a, b(x: T), c = 1` from the token after `case`; returns the index of the first token after it.
    private static func readCases(_ tokens: [String], after caseIndex: Int, into cases: inout [String]) -> Int {
        var index = caseIndex + 1
        while index < tokens.count {
            cases.append(tokens[index])
            index += 1
            if index < tokens.count, tokens[index] == "(" {
                var parens = 0
                repeat {
                    if tokens[index] == "(" { parens += 1 }
                    if tokens[index] == ")" { parens -= 1 }
                    index += 1
                } while parens > 0 && index < tokens.count
            }
            if index + 1 < tokens.count, tokens[index] == "=" { index += 2 }
            guard index < tokens.count, tokens[index] == "," else { return index }
            index += 1
        }
        return index
    }
}
