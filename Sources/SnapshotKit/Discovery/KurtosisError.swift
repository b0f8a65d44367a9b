/// Why the Kurtosis CLI could not tell what an enclave holds.
public enum KurtosisError: Error, Equatable, CustomStringConvertible {
    /// No `kurtosis` executable on `PATH`.
    case notInstalled
    /// A `kurtosis` command exited non-zero; `message` is the gist of what it printed.
    case commandFailed(command: String, status: Int32, message: String)
    /// A `kurtosis` command could not be started.
    case commandNotCompleted(command: String, reason: String)
    /// A `kurtosis` command did not finish within `seconds` (`--kurtosis-timeout`) and was stopped.
    case timedOut(command: String, seconds: Double)
    /// A `kurtosis` command printed something this tool cannot read.
    case unexpectedOutput(command: String, reason: String)
    /// The text given as an enclave is no name or UUID Kurtosis allows (``KurtosisCLI/isEnclaveIdentifier(_:)``).
    case invalidEnclaveName(String)
    /// No enclave has this name or UUID; `existing` lists the ones that do exist.
    case enclaveNotFound(String, existing: [KurtosisEnclave])
    /// The enclave exists but is not running.
    case enclaveNotRunning(String, status: String)
    /// The enclave has no running execution-layer service; `services` lists what it has.
    case noExecutionService(enclave: String, services: [String])
    /// An execution-layer service publishes no JSON-RPC port (`rpc`, or `ws-rpc` for clients that serve both on one).
    case noRPCPort(service: String, ports: [String])
    /// The enclave has no files artefact with the network's genesis files.
    case missingGenesisData(enclave: String, artifact: String, artifacts: [String])

    public var description: String {
        switch self {
        case .notInstalled:
            return "kurtosis not found on PATH — \(KurtosisCLI.installHint)"
        case .commandFailed(let command, let status, let message):
            let gist = message.isEmpty ? "" : ": \(message)"
            return "`\(command)` failed with exit status \(status)\(gist) — check that the Kurtosis engine is running (kurtosis engine status)"
        case .commandNotCompleted(let command, let reason):
            return "`\(command)` did not complete: \(reason) — check that the Kurtosis engine is running (kurtosis engine status)"
        case .timedOut(let command, let seconds):
            return "`\(command)` did not finish within \(secondsText(seconds)) and was stopped — check that the Kurtosis engine answers (kurtosis engine status), or raise --kurtosis-timeout SECONDS"
        case .unexpectedOutput(let command, let reason):
            return "cannot read the output of `\(command)`: \(reason) — this Kurtosis CLI version may print a format this tool does not know; use --rpc-url with --genesis-dir"
        case .invalidEnclaveName(let name):
            return "'\(name)' is not an enclave name or UUID: Kurtosis names are 1 to 60 letters, digits and dashes, starting with a letter or digit — pass the name `kurtosis enclave ls` shows"
        case .enclaveNotFound(let name, let existing):
            guard !existing.isEmpty else {
                return "enclave '\(name)' not found, and there are no enclaves — start the devnet first, or use --rpc-url with --genesis-dir"
            }
            let listed = existing.map { "\($0.name) (\($0.status))" }.joined(separator: ", ")
            return "enclave '\(name)' not found; enclaves: \(listed) — pass one of these names to --enclave"
        case .enclaveNotRunning(let name, let status):
            return "enclave '\(name)' is \(status), not RUNNING — its services must be running to read their state; restart the devnet or pick a running enclave"
        case .noExecutionService(let enclave, let services):
            let listed = services.isEmpty ? "none" : services.joined(separator: ", ")
            return "enclave '\(enclave)' has no running execution-layer service named el-<index>-<client>-<cl> (services: \(listed)) — use --rpc-url with --genesis-dir"
        case .noRPCPort(let service, let ports):
            let listed = ports.isEmpty ? "none" : ports.joined(separator: ", ")
            return "execution-layer service \(service) has no rpc or ws-rpc port (ports: \(listed)) — pass the node's HTTP JSON-RPC address with --rpc-url"
        case .missingGenesisData(let enclave, let artifact, let artifacts):
            let listed = artifacts.isEmpty ? "none" : artifacts.joined(separator: ", ")
            return "enclave '\(enclave)' has no \(artifact) files artefact (artefacts: \(listed)) — pass the network's genesis files with --genesis-dir"
        }
    }
}
