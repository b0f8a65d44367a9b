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

    /// Prints `error: <message>` (newlines folded into spaces) on stderr and returns the bad-input exit code.
    static func report(_ message: String) -> ExitCode {
        let line = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        FileHandle.standardError.write(Data("error: \(line)\n".utf8))
        return exitCode
    }

    /// Reports `error` by its description and returns the exit code for its kind.
    static func report(_ error: any Error) -> ExitCode {
        _ = report(String(describing: error))
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
