import Foundation

/// Runs the `snapshotter` executable built next to the test bundle.
enum CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The built binary: tests run from the build products folder, which also holds `snapshotter`.
    static var executable: URL {
        var folder = Bundle.main.bundleURL
        if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
        let candidates = [folder, Bundle.main.bundleURL.deletingLastPathComponent()]
        for candidate in candidates {
            let url = candidate.appendingPathComponent("snapshotter")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return folder.appendingPathComponent("snapshotter")
    }

    /// Runs the binary and waits for it on a thread of its own, never on the cooperative pool: a test that blocked a
    /// pool thread while the child runs would starve every other test (and any in-process fake node) on a 2-core
    /// machine.
    /// `shell`: run `/bin/sh` with `arguments` instead of the binary (e.g. to measure the binary with `times`).
    static func run(_ arguments: [String], environment: [String: String]? = nil, in directory: URL? = nil,
                    shell: Bool = false) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Swift.Result {
                    try runBlocking(arguments, environment: environment, in: directory, shell: shell)
                })
            }.start()
        }
    }

    private static func runBlocking(_ arguments: [String], environment: [String: String]?, in directory: URL?, shell: Bool) throws -> Result {
        let process = Process()
        process.executableURL = shell ? URL(fileURLWithPath: "/bin/sh") : executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self), stderr: String(decoding: stderrData, as: UTF8.self))
    }
}
