import ArgumentParser
import Foundation
import SnapshotKit

/// How every subcommand reports a failure: one line on stderr that starts with `error: `, then an exit code that
/// says what kind of failure it was.
enum CommandFailure {
    /// Bad input or environment: bad arguments or files, enclave or Kurtosis problems, an unreachable node, RPC
    /// errors, a node without a required feature, an unknown client.
    static let exitCode = ExitCode(2)
    /// The state failed verification; nothing was written.
    static let verificationExitCode = ExitCode(3)
    /// Anything unexpected: an unforeseen system failure or a bug.
    static let unexpectedExitCode = ExitCode(1)

    /// The exit codes, as every command's `--help` lists them (one table for the whole tool).
    static let exitCodeHelp = """
        Exit codes: 0 success; 2 bad input or environment (arguments, files, enclave or Kurtosis problems, \
        node unreachable, RPC errors, node lacks a required feature, unknown client); 3 the state failed \
        verification (nothing written) or a `verify` check failed; 1 anything unexpected.
        """

    /// The longest message printed, in characters; a message carries text from nodes and files.
    static let messageLimit = 4_000

    /// Prints `error: <message>` on stderr and returns the bad-input exit code. The message becomes one printable
    /// line: newlines and tabs are folded into spaces, other control characters (terminal escape sequences that
    /// came from a node, a file or the Kurtosis CLI) become `?`, and it is cut at `messageLimit` characters.
    static func report(_ message: String) -> ExitCode {
        let folded = message.split(whereSeparator: \.isNewline).joined(separator: " ").replacingOccurrences(of: "\t", with: " ")
        let line = ExternalText.sanitized(folded, limit: messageLimit)
        FileHandle.standardError.write(Data("error: \(line)\n".utf8))
        return exitCode
    }

    /// Reports `error` by its description (a Foundation file error as its path and plain reason) and returns the
    /// exit code for its kind.
    static func report(_ error: any Error) -> ExitCode {
        let nsError = error as NSError
        let isFileError = error is CocoaError || nsError.domain == NSCocoaErrorDomain || nsError.domain == NSPOSIXErrorDomain
        _ = report(isFileError ? FileErrorReason.describe(error) : String(describing: error))
        return exitCode(for: error)
    }

    /// 3 for a state that failed verification or is known to be incomplete, or an assembled snapshot that failed its
    /// checks; 1 for failures no input explains; 2 for the rest.
    static func exitCode(for error: any Error) -> ExitCode {
        if let completeness = error as? any StateCompletenessError, completeness.isIncompleteState {
            return verificationExitCode
        }
        switch error {
        case is AssembledSnapshotError: return verificationExitCode
        case is CocoaError, is DecodingError, is EncodingError: return unexpectedExitCode
        default: return exitCode
        }
    }
}

extension ParsableCommand {
    /// Runs `body`; any error it throws (other than an exit code) is reported on one line and becomes its exit code.
    func reportingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw CommandFailure.report(error)
        }
    }

    /// The asynchronous form of `reportingErrors(_:)`.
    func reportingErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw CommandFailure.report(error)
        }
    }
}
