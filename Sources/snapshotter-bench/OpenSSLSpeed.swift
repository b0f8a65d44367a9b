import Foundation

/// A reference figure from `openssl speed -evp <algorithm> -bytes <size>`, run as a subprocess.
struct OpenSSLSpeed {
    /// What went wrong running or reading `openssl speed`.
    enum Failure: Error, CustomStringConvertible {
        case exited(status: Int32, command: String)
        case unreadableTable(command: String, lastLine: String)
        case inconsistentFigures(command: String, table: Double, counted: Double)

        var description: String {
            switch self {
            case let .exited(status, command):
                return "'\(command)' exited with status \(status); run it by hand to see why"
            case let .unreadableTable(command, lastLine):
                return "'\(command)' printed an unexpected last line '\(lastLine)'; its output format may have changed"
            case let .inconsistentFigures(command, table, counted):
                return "'\(command)' table says \(Int(table)) bytes/s but its 'Doing' line counts \(Int(counted)) bytes/s;"
                    + " its output format may have changed"
            }
        }
    }

    /// The openssl executable.
    let executable: URL
    /// The EVP digest name, e.g. `sha3-256`.
    let algorithm: String

    /// The openssl executable found on `PATH`, or nil when there is none.
    static func locateExecutable() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent("openssl") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Bytes per second that openssl hashes in blocks of `blockSize` bytes.
    ///
    /// The figure comes from the last line of the table (`sha3-256   620533.71k`, in units of 1000 bytes/s) and is
    /// checked against the `Doing … on <size> size blocks: <count> …'s in <seconds>s` line openssl writes to stderr.
    func bytesPerSecond(blockSize: Int) throws -> Double {
        let arguments = ["speed", "-evp", algorithm, "-bytes", String(blockSize)]
        let command = (["openssl"] + arguments).joined(separator: " ")
        let (status, output, diagnostics) = try run(arguments)
        guard status == 0 else { throw Failure.exited(status: status, command: command) }

        let lastLine = output.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
        let fields = lastLine.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count == 2, fields[0] == algorithm, fields[1].hasSuffix("k"),
              let thousands = Double(fields[1].dropLast())
        else { throw Failure.unreadableTable(command: command, lastLine: lastLine) }
        let table = thousands * 1000

        guard let counted = Self.countedBytesPerSecond(in: diagnostics, blockSize: blockSize) else {
            printError("warning: '\(command)' printed no 'Doing …' line; its table figure is not cross-checked")
            return table
        }
        guard abs(counted - table) <= 0.01 * table else {
            throw Failure.inconsistentFigures(command: command, table: table, counted: counted)
        }
        return table
    }

    /// Bytes per second from openssl's `Doing … on <blockSize> size blocks: <count> <name>'s in <seconds>s` line.
    private static func countedBytesPerSecond(in diagnostics: String, blockSize: Int) -> Double? {
        let pattern = /on (\d+) size blocks: (\d+) .*? in ([0-9.]+)s/
        guard let match = diagnostics.firstMatch(of: pattern),
              Int(match.1) == blockSize, let count = Double(match.2), let seconds = Double(match.3), seconds > 0
        else { return nil }
        return count * Double(blockSize) / seconds
    }

    private func run(_ arguments: [String]) throws -> (status: Int32, output: String, diagnostics: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        let diagnostics = Pipe()
        process.standardOutput = output
        process.standardError = diagnostics
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let diagnosticsData = diagnostics.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus,
            String(decoding: outputData, as: UTF8.self),
            String(decoding: diagnosticsData, as: UTF8.self)
        )
    }
}
