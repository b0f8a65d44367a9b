import Foundation

/// Reads the small UTF-8 input files of the consensus genesis (`config.yaml`, `mnemonics.yaml`) with one-line errors.
enum TextFile {
    static func read(_ url: URL) throws(ConsensusGenesisError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .unreadable(path: url.path, reason: "no such file")
        }
        if isDirectory.boolValue { throw .unreadable(path: url.path, reason: "it is a directory") }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadable(path: url.path, reason: "permission denied or I/O error")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: url.path, reason: "not UTF-8 text")
        }
        return text
    }
}
