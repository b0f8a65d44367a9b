import ArgumentParser
import Foundation

/// How every subcommand reports a failure it did not expect the user to avoid: one line on stderr that starts
/// with `error: `, then exit code 2.
enum CommandFailure {
    /// The exit code of a failed command.
    static let exitCode = ExitCode(2)

    /// Prints `error: <message>` (newlines folded into spaces) on stderr and returns the exit code to throw.
    static func report(_ message: String) -> ExitCode {
        let line = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        FileHandle.standardError.write(Data("error: \(line)\n".utf8))
        return exitCode
    }

    /// Reports `error` by its description.
    static func report(_ error: any Error) -> ExitCode {
        report(String(describing: error))
    }
}

extension ParsableCommand {
    /// Runs `body`; any error it throws (other than an exit code) is reported on one line and becomes exit code 2.
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
