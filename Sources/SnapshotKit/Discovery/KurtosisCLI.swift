import Foundation

/// The Kurtosis CLI, run as a subprocess; its output is read by `KurtosisOutputParser`.
public struct KurtosisCLI: Sendable {
    /// What to do when the CLI is missing.
    public static let installHint = "install the Kurtosis CLI or use --rpc-url with --genesis-dir"

    /// The environment of every `kurtosis` run (its `PATH` is searched for the executable); `nil` inherits ours.
    public var environment: [String: String]?
    /// The longest one command may take (`create --kurtosis-timeout`).
    public var timeout: Duration
    /// `timeout` when none is given, in seconds.
    public static let defaultTimeoutSeconds = 120

    /// Whether `identifier` can name an enclave (a name or a UUID, full or short) as Kurtosis allows: 1 to 64
    /// ASCII letters, digits, `-`, `.` and `_`, starting with a letter or digit (today's Kurtosis names are
    /// `[-A-Za-z0-9]{1,60}`; older ones allowed `.` and `_`). Anything else is refused before it reaches the CLI,
    /// where a leading `-` would be read as an option.
    public static func isEnclaveIdentifier(_ identifier: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._")
        guard let first = identifier.first, first.isASCII, first.isLetter || first.isNumber else { return false }
        return identifier.count <= 64 && identifier.allSatisfy(allowed.contains)
    }

    public init(environment: [String: String]? = nil, timeout: Duration = .seconds(defaultTimeoutSeconds)) {
        self.environment = environment
        self.timeout = timeout
    }

    /// `kurtosis enclave ls`.
    public func enclaves() async throws(KurtosisError) -> [KurtosisEnclave] {
        let arguments = ["enclave", "ls"]
        return try parse(try await succeed(arguments), of: arguments, with: KurtosisOutputParser.enclaves)
    }

    /// `kurtosis enclave inspect -- <enclave>` (`--`: no positional is read as an option).
    public func inspectEnclave(_ enclave: String) async throws(KurtosisError) -> KurtosisEnclaveInspection {
        let arguments = ["enclave", "inspect", "--", enclave]
        return try parse(try await succeed(arguments), of: arguments, with: KurtosisOutputParser.enclaveInspection)
    }

    /// `kurtosis service inspect -o json -- <enclave> <service>`; `nil` when this CLI has no JSON output (before 1.7).
    public func inspectService(enclave: String, service: String) async throws(KurtosisError) -> KurtosisServiceInspection? {
        let arguments = ["service", "inspect", "-o", "json", "--", enclave, service]
        let result = try await run(arguments)
        let text = result.stdoutText
        if !result.succeeded {
            let complaint = (result.stderrText + text).lowercased()
            if complaint.contains("unknown shorthand flag") || complaint.contains("unknown flag") { return nil }
            throw Self.failure(of: result)
        }
        guard text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("{") else { return nil }
        return try parse(text, of: arguments, with: KurtosisOutputParser.serviceInspection)
    }

    /// `kurtosis port print -- <enclave> <service> <port id>` as a URL (`http://` added when the CLI prints none).
    public func portURL(enclave: String, service: String, portID: String) async throws(KurtosisError) -> URL {
        let arguments = ["port", "print", "--", enclave, service, portID]
        return try parse(try await succeed(arguments), of: arguments, with: KurtosisOutputParser.portAddress)
    }

    /// `kurtosis files download -- <enclave> <artifact> <destination>`: extracts the artefact into `destination`
    /// (its parent folder is created when missing).
    public func downloadFiles(enclave: String, artifact: String, to destination: URL) async throws(KurtosisError) {
        let parent = destination.deletingLastPathComponent()
        let arguments = ["files", "download", "--", enclave, artifact, destination.path]
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .commandNotCompleted(command: Subprocess.commandLine(["kurtosis"] + arguments),
                                       reason: "cannot create \(parent.path): \(FileErrorReason.of(error))")
        }
        _ = try await succeed(arguments)
    }

    // MARK: - Running

    private func run(_ arguments: [String]) async throws(KurtosisError) -> SubprocessResult {
        let runner = Subprocess("kurtosis", environment: environment, timeout: timeout, installHint: Self.installHint)
        do {
            return try await runner.run(arguments)
        } catch .executableNotFound {
            throw .notInstalled
        } catch .timedOut(let command, let seconds) {
            throw .timedOut(command: command, seconds: seconds)
        } catch {
            throw .commandNotCompleted(command: Subprocess.commandLine(["kurtosis"] + arguments), reason: error.description)
        }
    }

    /// Runs and returns standard output, or fails with the gist of what the CLI printed.
    private func succeed(_ arguments: [String]) async throws(KurtosisError) -> String {
        let result = try await run(arguments)
        guard result.succeeded else { throw Self.failure(of: result) }
        return result.stdoutText
    }

    private func parse<Value>(_ text: String, of arguments: [String],
                              with parser: (String) throws(KurtosisOutputParser.Failure) -> Value) throws(KurtosisError) -> Value {
        do {
            return try parser(text)
        } catch {
            throw .unexpectedOutput(command: Subprocess.commandLine(["kurtosis"] + arguments), reason: error.reason)
        }
    }

    /// The CLI's error output boiled down to one line: its first line, plus the innermost `Caused by:` when there is one.
    private static func failure(of result: SubprocessResult) -> KurtosisError {
        let text = result.stderrText.isEmpty ? result.stdoutText : result.stderrText
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("--- at ") }
        var gist = lines.first ?? ""
        if let cause = lines.last(where: { $0.hasPrefix("Caused by:") }), cause != gist { gist += " … " + cause }
        if gist.count > 300 { gist = String(gist.prefix(297)) + "..." }
        return .commandFailed(command: result.command, status: result.status, message: gist)
    }
}
