import Foundation

/// Runs an external program found on `PATH` and collects its output.
///
/// Standard output and standard error are drained concurrently, so a program that writes megabytes to both never
/// blocks on a full pipe. Standard input is empty. With a `timeout`, the program (and, where it leads one, its whole
/// process group) is killed when the time is up; it is also killed when this process is stopped by a signal
/// (``TerminationCleanup``). Each output stream is kept up to `outputLimit` bytes: a program that prints more is
/// killed and the run fails.
public struct Subprocess: Sendable {
    /// The program name looked up on `PATH`, or a path containing `/`.
    public var executable: String
    /// The complete environment of the program (its `PATH` is also the one searched); `nil` inherits this process's.
    public var environment: [String: String]?
    /// The working directory; `nil` inherits this process's.
    public var currentDirectory: URL?
    /// The longest the program may run; `nil` waits for ever.
    public var timeout: Duration?
    /// How to get the program when it is missing, shown in the not-found error.
    public var installHint: String?
    /// The most bytes kept of standard output and of standard error each.
    public var outputLimit: Int

    /// The default `outputLimit`: far more than any command the tool runs prints.
    public static let defaultOutputLimit = 64 << 20

    public init(
        _ executable: String,
        environment: [String: String]? = nil,
        currentDirectory: URL? = nil,
        timeout: Duration? = nil,
        installHint: String? = nil,
        outputLimit: Int = defaultOutputLimit
    ) {
        self.outputLimit = outputLimit
        self.executable = executable
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.timeout = timeout
        self.installHint = installHint
    }

    /// Runs the program with `arguments` and waits for it to exit; a non-zero exit status is not an error here.
    public func run(_ arguments: [String]) async throws(SubprocessError) -> SubprocessResult {
        let executableURL = try resolveExecutable()
        let command = Self.commandLine([executable] + arguments)
        let process = Process()
        process.executableURL = executableURL
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let outcome = await withCheckedContinuation { continuation in
            ProcessRun(process: process, command: command, timeout: timeout, outputLimit: outputLimit,
                       continuation: continuation).start()
        }
        return try outcome.get()
    }

    /// The executable's location: the path itself when it contains `/`, else the first match on `PATH`.
    public func resolveExecutable() throws(SubprocessError) -> URL {
        let fileManager = FileManager.default
        if executable.contains("/") {
            guard fileManager.isExecutableFile(atPath: executable) else {
                throw .executableNotFound(name: executable, hint: installHint)
            }
            return URL(fileURLWithPath: executable)
        }
        let searchPath = (environment ?? ProcessInfo.processInfo.environment)["PATH"] ?? ""
        for folder in searchPath.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(executable)
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               fileManager.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        throw .executableNotFound(name: executable, hint: installHint)
    }

    /// A command line for messages, single-quoting arguments that need it.
    public static func commandLine(_ words: [String]) -> String {
        words.map { word in
            let plain = !word.isEmpty && word.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=@%+,".contains($0) }
            return plain ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
        }.joined(separator: " ")
    }
}

/// One launched program: drains both pipes, waits for exit, enforces the timeout and resumes the caller once.
private final class ProcessRun: @unchecked Sendable {
    private let process: Process
    private let command: String
    private let timeout: Duration?
    private let outputLimit: Int
    private let stdoutPipe = Pipe()
    private let stderrPipe = Pipe()
    private let group = DispatchGroup()
    /// Completion and the timeout run here, not on `DispatchQueue.global()`: the global queue is as wide as the
    /// machine has cores, so CPU-bound work elsewhere in the process (e.g. `concurrentPerform`) could delay a
    /// timeout by many seconds; a private serial queue is served by a thread of its own.
    private let queue = DispatchQueue(label: "snapshotter.subprocess")
    private let stdout = LockedState(Data())
    private let stderr = LockedState(Data())
    private let continuation: LockedState<CheckedContinuation<Result<SubprocessResult, SubprocessError>, Never>?>

    private let overflowed = LockedState(false)

    init(process: Process, command: String, timeout: Duration?, outputLimit: Int,
         continuation: CheckedContinuation<Result<SubprocessResult, SubprocessError>, Never>) {
        self.process = process
        self.command = command
        self.timeout = timeout
        self.outputLimit = outputLimit
        self.continuation = LockedState(continuation)
    }

    func start() {
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        process.standardInput = FileHandle.nullDevice
        group.enter()
        process.terminationHandler = { [group] process in
            TerminationCleanup.shared.exited(process.processIdentifier)
            group.leave()
        }
        let launched: pid_t?
        do {
            launched = try TerminationCleanup.shared.launch { [process] in
                try process.run()
                return process.processIdentifier
            }
        } catch {
            finish(.failure(.launchFailed(command: command, reason: FileErrorReason.of(error))))
            return
        }
        guard let pid = launched else {
            finish(.failure(.launchFailed(command: command, reason: "the tool is being stopped")))
            return
        }
        let leadsGroup = getpgid(pid) == pid
        drain(stdoutPipe, into: stdout) { [self] in overflow(pid: pid, leadsGroup: leadsGroup) }
        drain(stderrPipe, into: stderr) { [self] in overflow(pid: pid, leadsGroup: leadsGroup) }
        group.notify(queue: queue) { [self] in
            if overflowed.withLock({ $0 }) {
                finish(.failure(.outputTooLarge(command: command, limit: outputLimit)))
                return
            }
            finish(.success(SubprocessResult(command: command, status: process.terminationStatus,
                                             stdout: stdout.withLock { $0 }, stderr: stderr.withLock { $0 })))
        }
        if let timeout {
            queue.asyncAfter(deadline: .now() + timeout.seconds) { [self] in
                guard isPending else { return }
                // The whole group: children that outlive the program would otherwise hold the pipes open.
                _ = Foundation.kill(leadsGroup ? -pid : pid, SIGKILL)
                finish(.failure(.timedOut(command: command, seconds: timeout.seconds)))
            }
        }
    }

    /// Reads `pipe` to its end into `buffer`, at most `outputLimit` bytes; calls `onOverflow` once past that.
    private func drain(_ pipe: Pipe, into buffer: LockedState<Data>, onOverflow: @escaping @Sendable () -> Void) {
        group.enter()
        let limit = outputLimit
        // A dedicated thread: the read blocks until the program closes its end, which must not tie up a pool thread.
        Thread { [group] in
            var data = Data()
            let handle = pipe.fileHandleForReading
            while let chunk = try? handle.read(upToCount: 1 << 16), !chunk.isEmpty {
                guard data.count + chunk.count <= limit else {
                    onOverflow()
                    break
                }
                data.append(chunk)
            }
            buffer.withLock { $0 = data }
            group.leave()
        }.start()
    }

    /// Output beyond the bound: the program (group) is killed; the run fails once it exited.
    private func overflow(pid: pid_t, leadsGroup: Bool) {
        let first = overflowed.withLock { seen in
            defer { seen = true }
            return !seen
        }
        if first { _ = Foundation.kill(leadsGroup ? -pid : pid, SIGKILL) }
    }

    private var isPending: Bool { continuation.withLock { $0 != nil } }

    private func finish(_ result: Result<SubprocessResult, SubprocessError>) {
        let pending = continuation.withLock { pending in
            defer { pending = nil }
            return pending
        }
        pending?.resume(returning: result)
    }
}
