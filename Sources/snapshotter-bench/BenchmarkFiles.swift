import Foundation

/// Files the benchmark reads from the repository (it runs from a checkout, like the tests).
enum BenchmarkFiles {
    /// The repository root, found from this source file's location.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// A benchmark whose result is wrong: the figures would mean nothing.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
