import Foundation

/// Reads the small UTF-8 input files of the consensus genesis (`config.yaml`, `mnemonics.yaml`) with one-line errors
/// and a size bound (`InputFile.smallFileLimit`).
enum TextFile {
    static func read(_ url: URL) throws(ConsensusGenesisError) -> String {
        let data: Data
        do { data = try InputFile.read(url) } catch {
            switch error {
            case .unreadable(_, let reason): throw .unreadable(path: url.path, reason: reason)
            case .tooLarge(_, let limit):
                throw .unreadable(path: url.path, reason: "larger than \(InputFileError.sizeText(limit)), far more than such a file holds")
            }
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: url.path, reason: "not UTF-8 text")
        }
        return text
    }
}
