/// Why an external program could not be run to completion.
public enum SubprocessError: Error, Equatable, CustomStringConvertible {
    /// No executable of that name is on `PATH`; `hint` says how to get one.
    case executableNotFound(name: String, hint: String?)
    /// The program exists but could not be started.
    case launchFailed(command: String, reason: String)
    /// The program ran longer than allowed and was killed.
    case timedOut(command: String, seconds: Double)
    /// The program printed more than the bound on one stream and was stopped.
    case outputTooLarge(command: String, limit: Int)

    public var description: String {
        switch self {
        case .executableNotFound(let name, let hint):
            "\(name) not found on PATH — \(hint ?? "install it or add its folder to PATH")"
        case .launchFailed(let command, let reason):
            "cannot start `\(command)`: \(reason) — check that the file is an executable program"
        case .timedOut(let command, let seconds):
            "`\(command)` did not finish within \(secondsText(seconds)) and was stopped — retry, or raise the timeout"
        case .outputTooLarge(let command, let limit):
            "`\(command)` printed more than \(InputFileError.sizeText(limit)) and was stopped — that is not the output of a working command"
        }
    }
}
