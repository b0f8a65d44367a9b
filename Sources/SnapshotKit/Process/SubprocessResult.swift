import Foundation

/// What a finished program printed and how it exited.
public struct SubprocessResult: Sendable, Equatable {
    /// The command line as text, for messages (`kurtosis enclave inspect cdk`).
    public let command: String
    /// The exit status, or the signal number when the program was killed by a signal.
    public let status: Int32
    public let stdout: Data
    public let stderr: Data

    public init(command: String, status: Int32, stdout: Data, stderr: Data) {
        self.command = command
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }

    /// Whether the program exited with status 0.
    public var succeeded: Bool { status == 0 }
    /// Standard output decoded as UTF-8.
    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    /// Standard error decoded as UTF-8.
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}
