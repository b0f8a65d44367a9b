import Foundation
import Testing

/// Every command's `--help` as a user reads it: the same exit-code table everywhere, and every option value named
/// from one small vocabulary (`--out <dir>` in every command that writes into a folder).
@Suite(.serialized) struct HelpCLITests {
    static let commands: [[String]] = [[], ["create"], ["plugins"], ["inspect-genesis"], ["cl-genesis"], ["verify"]]

    /// The value names options and arguments use; a name outside it is a property name ArgumentParser fell back to.
    /// (`options` and `subcommand` are ArgumentParser's own placeholders in a usage line.)
    static let valueNames: Set<String> = [
        "options", "subcommand", "dir", "file", "url", "name", "id", "auto|id", "n", "n|all", "seconds", "image",
        "block", "words", "kdf",
    ]

    private static func help(_ command: [String]) async throws -> String {
        let result = try await CLI.run(command + ["--help"])
        #expect(result.status == 0, "\(command) --help: \(result.stderr)")
        return result.stdout
    }

    @Test(arguments: commands)
    func helpListsTheExitCodes(command: [String]) async throws {
        let text = try await Self.help(command).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Exit codes: 0 success; 2 bad input or environment"), "\(command)")
        #expect(text.contains("3 the state failed verification (nothing written) or a `verify` check failed"))
        #expect(text.contains("1 anything unexpected."))
    }

    @Test(arguments: commands)
    func everyValueHasAName(command: [String]) async throws {
        // The usage line and the option list, not the discussion (which may show paths such as `<out>/<name>/`).
        let help = try await Self.help(command)
        let text = try #require(help.range(of: "USAGE:").map { help[$0.lowerBound...] })
        let names = text.matches(of: /<([^<>\s]+)>/).map { String($0.output.1) }
        let unnamed = Set(names).subtracting(Self.valueNames)
        #expect(unnamed.isEmpty, "\(command): \(unnamed)")
    }

    /// `--out` means the same in both commands that take it: the folder the command writes its result into.
    @Test func outIsTheFolderWrittenIntoEverywhere() async throws {
        for command in [["create"], ["cl-genesis"]] {
            let text = try await Self.help(command).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(text.contains("--out <dir> Folder to write"), "\(command)")
            #expect(text.contains("into (created if missing)"), "\(command)")
        }
    }
}
