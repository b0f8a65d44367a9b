import Foundation

/// A fake `kurtosis` executable for tests: a shell script that answers chosen argument lists with recorded output.
///
/// The script lives in a fresh temporary folder; put `path` first on `PATH` (or pass `environment` to the code
/// under test). Rules are tried in order; the first whose pattern matches the arguments answers. Arguments without a
/// matching rule make the stub print an error and exit 97. Every call is appended to a log (`calls`).
public struct StubKurtosis: Sendable {
    /// One recorded answer.
    public struct Rule: Sendable {
        /// The arguments to match; an element `*` matches anything, including several arguments.
        public let arguments: [String]
        public let stdout: String
        public let stderr: String
        public let exitCode: Int32
        /// For `files download`: a folder whose contents are copied into the last argument (the destination).
        public let copying: URL?

        public init(_ arguments: [String], stdout: String = "", stderr: String = "", exitCode: Int32 = 0, copying: URL? = nil) {
            self.arguments = arguments
            self.stdout = stdout
            self.stderr = stderr
            self.exitCode = exitCode
            self.copying = copying
        }

        /// Answers `files download -- <enclave> <artifact> <destination>` by copying `folder`'s contents into the
        /// destination (created when missing).
        public static func filesDownload(enclave: String, artifact: String, copying folder: URL) -> Rule {
            Rule(["files", "download", "--", enclave, artifact, "*"], copying: folder)
        }
    }

    /// The folder holding the `kurtosis` script, its recorded outputs and the call log.
    public let folder: URL
    /// `PATH` with the stub's folder first, then `basePath`.
    public let path: String

    /// Writes the stub. `basePath` is what follows the stub on `PATH` (default: the standard system folders, which
    /// hold the `sh`, `cat`, `cp` and `mkdir` the script uses).
    public init(_ rules: [Rule], basePath: String = "/usr/local/bin:/usr/bin:/bin") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("stub-kurtosis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = basePath.isEmpty ? folder.path : folder.path + ":" + basePath
        var cases = ""
        for (number, rule) in rules.enumerated() {
            let stdoutFile = folder.appendingPathComponent("reply-\(number).stdout")
            let stderrFile = folder.appendingPathComponent("reply-\(number).stderr")
            try Data(rule.stdout.utf8).write(to: stdoutFile)
            try Data(rule.stderr.utf8).write(to: stderrFile)
            // Quoted words joined by a quoted space; a bare `*` stays a glob.
            let words = rule.arguments.map { $0 == "*" ? "*" : Self.quoted($0) }
            let pattern = words.isEmpty ? "''" : words.joined(separator: "' '")
            cases += "\(pattern))\n"
            if let source = rule.copying {
                cases += "  mkdir -p \"$last\" && cp -R \(Self.quoted(source.path + "/.")) \"$last\" || exit 98\n"
            }
            cases += "  cat \(Self.quoted(stdoutFile.path)); cat \(Self.quoted(stderrFile.path)) >&2; exit \(rule.exitCode) ;;\n"
        }
        let script = """
        #!/bin/sh
        # Stub kurtosis written by SnapshotTestSupport.StubKurtosis: answers recorded argument lists.
        printf '%s\\n' "$*" >> \(Self.quoted(folder.appendingPathComponent("calls.log").path))
        last=""
        for argument in "$@"; do last="$argument"; done
        case "$*" in
        \(cases)*)
          echo "stub kurtosis: no recorded answer for: $*" >&2; exit 97 ;;
        esac

        """
        let executable = folder.appendingPathComponent("kurtosis")
        try Data(script.utf8).write(to: executable)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: executable.path)
    }

    /// This process's environment with `PATH` replaced by `path`.
    public var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = path
        return environment
    }

    /// The argument lists the stub was called with so far, each joined by spaces.
    public var calls: [String] {
        let log = (try? String(contentsOf: folder.appendingPathComponent("calls.log"), encoding: .utf8)) ?? ""
        return log.split(separator: "\n").map(String.init)
    }

    /// Deletes the stub's folder.
    public func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// `text` single-quoted for the shell.
    private static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
