import ArgumentParser

/// The check of an `--out` folder, shared by the commands that write one.
enum OutputFolderArgument {
    /// Refuses an empty (or blank) `--out`: it would silently mean another folder than the user named.
    static func validate(_ value: String) throws {
        if value.allSatisfy(\.isWhitespace) {
            throw ValidationError("--out is empty; name the folder to write into, e.g. --out snapshots")
        }
    }
}
