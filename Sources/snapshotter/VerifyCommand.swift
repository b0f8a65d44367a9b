import ArgumentParser
import Foundation
import SnapshotKit

/// `snapshotter verify DIR`: re-checks a snapshot folder offline.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-check a snapshot folder offline: file digests, genesis roots and hashes, keystores, compose mounts.",
        discussion: """
            Exits 0 when every check holds, 3 when any fails (each failure is listed), 2 when the folder cannot be \
            verified at all (not a folder, no usable metadata.json).
            """
    )

    /// The exit code when a check fails.
    static let failureExitCode = ExitCode(3)

    @Argument(help: "The snapshot folder (the one holding metadata.json).")
    var folder: String

    @Flag(name: .long, help: "Print one JSON object: {\"ok\": bool, \"checks\": {name: {\"ok\": bool, \"detail\": string}}}.")
    var json = false

    func run() throws {
        let report = try reportingErrors { try SnapshotVerifier(folder: URL(fileURLWithPath: folder)).run() }
        if json {
            print(JSONWriter.string(report.json, indent: 2))
        } else {
            for check in report.checks {
                print("\(check.ok ? "ok  " : "FAIL") \(check.name): \(check.detail)")
            }
            print(report.ok
                ? "verified: all \(report.checks.count) checks hold"
                : "not verified: \(report.failures.count) of \(report.checks.count) checks failed")
        }
        if !report.ok { throw Self.failureExitCode }
    }
}
