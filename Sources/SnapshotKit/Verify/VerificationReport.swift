/// The outcome of ``SnapshotVerifier/run()``: one entry per check, in a fixed order.
public struct VerificationReport: Sendable, Equatable {
    public var checks: [VerificationCheck]

    public init(checks: [VerificationCheck]) {
        self.checks = checks
    }

    /// Whether every check held.
    public var ok: Bool { checks.allSatisfy(\.ok) }

    /// The checks that failed.
    public var failures: [VerificationCheck] { checks.filter { !$0.ok } }

    /// `{"ok": …, "checks": {"<name>": {"ok": …, "detail": "…"}, …}}`.
    public var json: JSONValue {
        .object([
            ("ok", .bool(ok)),
            ("checks", .object(checks.map { ($0.name, .object([("ok", .bool($0.ok)), ("detail", .string($0.detail))])) })),
        ])
    }
}

/// One verified property of a snapshot.
public struct VerificationCheck: Sendable, Equatable {
    /// A stable identifier, e.g. `el.stateRoot`.
    public var name: String
    public var ok: Bool
    /// What was found: the figures when it holds, what differs when it does not.
    public var detail: String

    public init(name: String, ok: Bool, detail: String) {
        self.name = name
        self.ok = ok
        self.detail = detail
    }

    static func passed(_ name: String, _ detail: String) -> Self { Self(name: name, ok: true, detail: detail) }
    static func failed(_ name: String, _ detail: String) -> Self { Self(name: name, ok: false, detail: detail) }
}
