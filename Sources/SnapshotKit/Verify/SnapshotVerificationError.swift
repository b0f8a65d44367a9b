/// Why a folder could not be verified at all (as opposed to a check that failed). Each description is one line.
public enum SnapshotVerificationError: Error, Equatable, CustomStringConvertible {
    /// The path does not exist or is not a directory.
    case notAFolder(path: String)
    /// The folder has no `metadata.json`.
    case missingMetadata(path: String)
    /// `metadata.json` is not a JSON object with a `files` object of strings.
    case invalidMetadata(path: String, reason: String)
    /// A file or folder could not be read.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .notAFolder(let path):
            "\(path) is not a folder; give the path of a snapshot folder (the one holding metadata.json)"
        case .missingMetadata(let path):
            "\(path) has no metadata.json, so it is not a snapshot folder written by snapshotter create"
        case .invalidMetadata(let path, let reason):
            "\(path) is not usable snapshot metadata: \(reason)"
        case .unreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        }
    }
}

extension Result where Failure == SnapshotVerificationError {
    /// Why the value a check needs could not be read, for the check's failure; empty on success.
    var failureDescription: String {
        if case .failure(let error) = self { return error.description }
        return ""
    }
}
