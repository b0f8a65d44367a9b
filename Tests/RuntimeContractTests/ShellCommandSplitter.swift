/// One word of a shell command after quote removal. `isDynamic` when the shell expands part of it at run time (`$VAR`,
/// `${…}`, `$(…)`, backquotes outside single quotes), so its final text is unknown here.
struct ShellWord: Equatable, CustomStringConvertible {
    var text: String
    var isDynamic: Bool

    init(_ text: String, isDynamic: Bool = false) {
        self.text = text
        self.isDynamic = isDynamic
    }

    var description: String { text }
}

/// Splits a POSIX sh / bash script (a `sh -c` argument, a health check) into the simple commands that run programs:
/// it removes quotes, line continuations, comments and redirections, splits on newlines, `&&`, `||`, `;`, `|`, `&` and
/// parentheses, drops leading variable assignments, `exec` and control keywords, and leaves out shell builtins
/// (`set`, `printf`, `echo`, `test`…), which need no program in the image. `for` headers and function names are left
/// out too; the commands inside them are kept. `case` patterns are not understood.
enum ShellCommandSplitter {
    /// The simple commands of `script`, each one a program followed by its arguments.
    static func commands(in script: String) -> [[ShellWord]] {
        tokenize(script).compactMap(simpleCommand)
    }

    /// Words that POSIX sh, busybox ash and bash run themselves.
    static let builtins: Set<String> = [
        "set", "export", "cd", "echo", "printf", "test", "[", "true", "false", ":", "read", "exit", "return", "shift",
        "unset", "trap", "wait", "local", "command", ".", "source", "eval", "umask", "break", "continue", "readonly",
    ]

    private static let leadingKeywords: Set<String> = ["if", "then", "else", "elif", "do", "while", "until", "!", "{", "}"]
    private static let closingKeywords: Set<String> = ["fi", "done", "esac", "}", ";;"]

    /// A command's words without keywords, assignments and `exec`; nil when nothing in it runs a program.
    private static func simpleCommand(_ raw: [ShellWord]) -> [ShellWord]? {
        var words = raw[...]
        while let first = words.first, !first.isDynamic, leadingKeywords.contains(first.text) || first.text.hasSuffix("()") {
            words = words.dropFirst()
        }
        guard let first = words.first, !first.text.isEmpty else { return nil }
        if !first.isDynamic, closingKeywords.contains(first.text) || ["for", "case", "in"].contains(first.text) {
            return nil
        }
        while let word = words.first, isAssignment(word) { words = words.dropFirst() }
        if words.first?.text == "exec", words.first?.isDynamic == false { words = words.dropFirst() }
        guard let program = words.first else { return nil }
        if !program.isDynamic, builtins.contains(program.text) { return nil }
        return Array(words)
    }

    private static func isAssignment(_ word: ShellWord) -> Bool {
        guard let equals = word.text.firstIndex(of: "="), equals != word.text.startIndex else { return false }
        let name = word.text[..<equals]
        return name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) } && !(name.first?.isNumber ?? true)
    }

    // MARK: Tokenizer

    /// The script's commands as raw words, redirections removed.
    private static func tokenize(_ script: String) -> [[ShellWord]] {
        var commands: [[ShellWord]] = []
        var words: [ShellWord] = []
        var text = ""
        var inWord = false
        var isDynamic = false
        var dropNextWord = false
        let characters = Array(script)
        var index = 0

        func endWord() {
            guard inWord else { return }
            if dropNextWord {
                dropNextWord = false
            } else {
                words.append(ShellWord(text, isDynamic: isDynamic))
            }
            text = ""
            inWord = false
            isDynamic = false
        }
        func endCommand() {
            endWord()
            dropNextWord = false
            if !words.isEmpty { commands.append(words) }
            words = []
        }

        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case " ", "\t":
                endWord()
                index += 1
            case "\n":
                endCommand()
                index += 1
            case "\\":
                if next == "\n" {
                    index += 2
                } else {
                    if let next { text.append(next) }
                    inWord = true
                    index += 2
                }
            case "#" where !inWord:
                while index < characters.count, characters[index] != "\n" { index += 1 }
            case "'":
                inWord = true
                index += 1
                while index < characters.count, characters[index] != "'" {
                    text.append(characters[index])
                    index += 1
                }
                index += 1
            case "\"":
                inWord = true
                index += 1
                while index < characters.count, characters[index] != "\"" {
                    let inner = characters[index]
                    if inner == "\\", index + 1 < characters.count, "$`\"\\\n".contains(characters[index + 1]) {
                        if characters[index + 1] != "\n" { text.append(characters[index + 1]) }
                        index += 2
                        continue
                    }
                    if inner == "$" || inner == "`" { isDynamic = true }
                    text.append(inner)
                    index += 1
                }
                index += 1
            case "$", "`":
                inWord = true
                isDynamic = true
                let end = expansionEnd(characters, from: index)
                text.append(contentsOf: characters[index..<end])
                index = end
            case "&", "|", ";":
                endCommand()
                index += (next == character) ? 2 : 1
            case "(" where next == ")":
                // A function definition's `name()`.
                text.append("()")
                inWord = true
                index += 2
            case "(", ")":
                endCommand()
                index += 1
            case "<", ">":
                // A redirection: a file-descriptor number just before it belongs to it, and so does its target.
                if inWord, !isDynamic, !text.isEmpty, text.allSatisfy(\.isNumber) {
                    text = ""
                    inWord = false
                } else {
                    endWord()
                }
                index += 1
                while index < characters.count, "<>&".contains(characters[index]) { index += 1 }
                while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
                dropNextWord = true
            default:
                text.append(character)
                inWord = true
                index += 1
            }
        }
        endCommand()
        return commands
    }

    /// The index just past the expansion starting at `start` (`$NAME`, `${…}`, `$(…)`, `` `…` ``).
    private static func expansionEnd(_ characters: [Character], from start: Int) -> Int {
        var index = start + 1
        guard index < characters.count else { return index }
        if characters[start] == "`" {
            while index < characters.count, characters[index] != "`" { index += 1 }
            return min(index + 1, characters.count)
        }
        let open = characters[index]
        if open == "(" || open == "{" {
            let close: Character = open == "(" ? ")" : "}"
            var depth = 0
            while index < characters.count {
                if characters[index] == open { depth += 1 }
                if characters[index] == close {
                    depth -= 1
                    if depth == 0 { return index + 1 }
                }
                index += 1
            }
            return index
        }
        if open.isNumber || "?#@*!$-".contains(open) { return index + 1 }
        while index < characters.count, characters[index] == "_" || (characters[index].isASCII && (characters[index].isLetter || characters[index].isNumber)) {
            index += 1
        }
        return index
    }
}
