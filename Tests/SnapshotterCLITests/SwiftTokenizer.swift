/// Splits Swift source into identifier, number, punctuation and `"<string>"` tokens, dropping comments and the
/// contents of string literals.
struct SwiftTokenizer {
    private(set) var tokens: [String] = []
    private let bytes: [UInt8]
    private var index = 0

    init(_ source: String) {
        bytes = Array(source.utf8)
        code(interpolation: false)
    }

    private func byte(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private static func isIdentifier(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
            || byte >= 0x80
    }

    /// Code until the end, or (in an interpolation) until its closing parenthesis; tokens are kept only outside
    /// interpolations.
    private mutating func code(interpolation: Bool) {
        var parens = 0
        while let current = byte() {
            switch current {
            case UInt8(ascii: "/") where byte(1) == UInt8(ascii: "/"):
                while let next = byte(), next != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "/") where byte(1) == UInt8(ascii: "*"):
                blockComment()
            case UInt8(ascii: "#"), UInt8(ascii: "\""):
                var hashes = 0
                while byte(hashes) == UInt8(ascii: "#") { hashes += 1 }
                if byte(hashes) == UInt8(ascii: "\"") {
                    index += hashes
                    string(hashes: hashes)
                    if !interpolation { tokens.append("<string>") }
                } else {
                    index += 1
                }
            case UInt8(ascii: "`"):
                index += 1
                let start = index
                while let next = byte(), next != UInt8(ascii: "`") { index += 1 }
                if !interpolation { tokens.append(String(decoding: bytes[start..<index], as: UTF8.self)) }
                index += 1
            case _ where Self.isIdentifier(current):
                let start = index
                while let next = byte(), Self.isIdentifier(next) { index += 1 }
                if !interpolation { tokens.append(String(decoding: bytes[start..<index], as: UTF8.self)) }
            case UInt8(ascii: "("):
                parens += 1
                if !interpolation { tokens.append("(") }
                index += 1
            case UInt8(ascii: ")"):
                index += 1
                if interpolation, parens == 0 { return }
                parens -= 1
                if !interpolation { tokens.append(")") }
            default:
                if !interpolation, current > 0x20 { tokens.append(String(UnicodeScalar(current))) }
                index += 1
            }
        }
    }

    /// A `/* … */` comment, which may nest.
    private mutating func blockComment() {
        var level = 0
        repeat {
            if byte() == UInt8(ascii: "/"), byte(1) == UInt8(ascii: "*") {
                level += 1
                index += 2
            } else if byte() == UInt8(ascii: "*"), byte(1) == UInt8(ascii: "/") {
                level -= 1
                index += 2
            } else {
                index += 1
            }
        } while level > 0 && index < bytes.count
    }

    /// A string literal from its opening quote(s), with `hashes` `#` around it; interpolations are lexed as code.
    private mutating func string(hashes: Int) {
        let multiLine = byte(1) == UInt8(ascii: "\"") && byte(2) == UInt8(ascii: "\"")
        let quotes = multiLine ? 3 : 1
        index += quotes
        while let current = byte() {
            if current == UInt8(ascii: "\\"), (0..<hashes).allSatisfy({ byte(1 + $0) == UInt8(ascii: "#") }) {
                index += 1 + hashes
                if byte() == UInt8(ascii: "(") {
                    index += 1
                    code(interpolation: true)
                } else {
                    index += 1
                }
                continue
            }
            if current == UInt8(ascii: "\""), (0..<quotes).allSatisfy({ byte($0) == UInt8(ascii: "\"") }),
               (0..<hashes).allSatisfy({ byte(quotes + $0) == UInt8(ascii: "#") }) {
                index += quotes + hashes
                return
            }
            index += 1
        }
    }
}
