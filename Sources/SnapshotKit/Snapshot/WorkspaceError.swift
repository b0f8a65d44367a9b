/// Why the snapshot folder could not be prepared or put in place.
public enum WorkspaceError: Error, Equatable, CustomStringConvertible {
    /// The snapshot name is not a plain folder name.
    case invalidName(String)
    /// The snapshot name is longer than `limit` UTF-8 bytes (its temporary folder's name would not fit NAME_MAX).
    case nameTooLong(String, limit: Int)
    /// The destination folder already exists; snapshots are never overwritten.
    case destinationExists(String)
    case cannotCreate(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    case cannotRename(from: String, to: String, reason: String)
    /// The process is being stopped by a signal: no new workspace, no rename.
    case interrupted

    public var description: String {
        switch self {
        case .invalidName(let name):
            "snapshot name \"\(name)\" is not a plain folder name — pass --name without '/' and not starting with '.'"
        case .nameTooLong(let name, let limit):
            "snapshot name \"\(name.prefix(40))…\" is \(name.utf8.count) bytes long; at most \(limit) fit (it is assembled in "
                + ".<name>.partial-<8 hex digits>, and a file name has at most 255 bytes) — pass a shorter --name"
        case .destinationExists(let path):
            "\(path) already exists — snapshots are never overwritten: pass another --name or --out, or remove it"
        case .cannotCreate(let path, let reason):
            "cannot create \(path): \(reason) — check that --out is writable"
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason) — check free space and permissions under --out"
        case .cannotRead(let path, let reason):
            "cannot read \(path): \(reason)"
        case .cannotRename(let from, let to, let reason):
            "cannot move \(from) to \(to): \(reason)"
        case .interrupted:
            "interrupted — the snapshot was not put in place"
        }
    }
}
