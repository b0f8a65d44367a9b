/// Text that came from outside the tool (a node's answers, a genesis file, Kurtosis output), made safe to print and
/// store: control characters (terminal escape sequences included) become `?`, and the text is cut to a bound with a
/// note saying how much was left out.
public enum ExternalText {
    /// The bound of a node's `web3_clientVersion`, in characters.
    public static let clientVersionLimit = 256

    /// `text` with every control character (C0, DEL, C1, which start terminal escape sequences) replaced by `?`,
    /// cut to `limit` characters: a cut text ends with `… (N more bytes left out)`.
    public static func sanitized(_ text: String, limit: Int = 1_000) -> String {
        var kept = ""
        var index = text.startIndex
        var count = 0
        while index < text.endIndex, count < limit {
            let character = text[index]
            kept.append(character.unicodeScalars.contains(where: isControl) ? "?" : character)
            text.formIndex(after: &index)
            count += 1
        }
        guard index < text.endIndex else { return kept }
        return kept + "… (\(text[index...].utf8.count) more bytes left out)"
    }

    /// `text` made safe for a terminal, line by line: its line breaks are kept, every other control character
    /// becomes `?`, and nothing is cut. For the summaries commands print, which carry values read from input files.
    public static func printable(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { sanitized(String($0), limit: .max) }
            .joined(separator: "\n")
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
