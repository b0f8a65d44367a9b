/// Why a state dump file cannot be read: which file, which line, and what is wrong with it.
public struct DumpError: Error, Equatable, CustomStringConvertible {
    public let path: String
    /// The 1-based line at fault; `nil` for the file as a whole.
    public let line: Int?
    public let reason: String

    public init(path: String, line: Int?, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    public var description: String {
        "state dump \(path)" + (line.map { " line \($0)" } ?? "") + ": \(reason)"
    }
}
