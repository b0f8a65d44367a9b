import Foundation

/// Reads a whole input file the tool did not write (config.yaml, mnemonics.yaml, a keystore) with a size bound, so
/// that a huge or endless file (`/dev/zero`) ends in a clear error instead of exhausting memory.
public enum InputFile {
    /// The bound of the small YAML and JSON inputs (config.yaml, mnemonics.yaml, keystores): far above any real one.
    public static let smallFileLimit = 4 << 20

    /// The bytes of `url`, at most `limit` of them.
    public static func read(_ url: URL, limit: Int = smallFileLimit) throws(InputFileError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .unreadable(path: url.path, reason: "no such file")
        }
        if isDirectory.boolValue { throw .unreadable(path: url.path, reason: "it is a directory") }
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: url) } catch {
            throw .unreadable(path: url.path, reason: "permission denied")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            // One byte more than allowed tells a file of exactly `limit` bytes from a longer one, endless ones included.
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw .unreadable(path: url.path, reason: "I/O error")
        }
        if data.count > limit { throw .tooLarge(path: url.path, limit: limit) }
        return data
    }
}

/// Why an input file could not be read.
public enum InputFileError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    /// The file is longer than the bound for its kind.
    case tooLarge(path: String, limit: Int)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        case .tooLarge(let path, let limit):
            "\(path) is larger than \(InputFileError.sizeText(limit)), far more than such a file holds — pass the right file"
        }
    }

    /// `4 MiB`, `512 KiB`, `100 bytes`.
    static func sizeText(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
