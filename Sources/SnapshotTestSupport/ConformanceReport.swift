/// What a conformance run found: the checks it ran and every problem, one line each.
///
/// A test asserts `#expect(report.issues.isEmpty, "\(report)")`, so a failure prints every problem at once.
public struct ConformanceReport: Sendable, CustomStringConvertible {
    /// One problem: the check that found it and what is wrong, with what to change.
    public struct Issue: Sendable, Equatable, CustomStringConvertible {
        public let check: String
        public let problem: String

        public init(check: String, problem: String) {
            self.check = check
            self.problem = problem
        }

        public var description: String { "\(check): \(problem)" }
    }

    /// The checks run, in order (a check that does not apply to the plugin is listed with the reason).
    public var checks: [String] = []
    public var issues: [Issue] = []

    public init() {}

    /// The problems found by one check.
    public func issues(of check: String) -> [Issue] { issues.filter { $0.check == check } }

    public var description: String {
        issues.isEmpty
            ? "all conformance checks hold (\(checks.joined(separator: ", ")))"
            : "\(issues.count) conformance problem(s):\n" + issues.map { "- \($0)" }.joined(separator: "\n")
    }
}
