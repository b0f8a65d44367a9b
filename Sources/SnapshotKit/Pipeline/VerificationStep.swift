/// Re-checks the assembled folder with `SnapshotVerifier` — as `snapshotter verify` will — before it is moved into
/// place. Runs last, after the metadata; a failed check fails the run, so no unverifiable snapshot is ever left.
///
/// The EL genesis is not read back: its state root was computed from the accounts as they were written, in the same
/// pass, and its digest was hashed from the bytes as they were written (`ELGenesisBuilder`).
public enum VerificationStep {
    public static let title = "verifying the snapshot folder"

    /// Verifies the folder assembled in `workspace`, whose EL genesis is `execution`; throws `AssembledSnapshotError`
    /// when any check fails.
    public static func run(in workspace: SnapshotWorkspace, execution: ELGenesisResult) throws {
        let written = GenesisSummary(
            parameters: execution.parameters, accounts: execution.state.accounts, contracts: execution.state.contracts,
            storageSlots: execution.state.storageSlots, stateRoot: execution.state.stateRoot)
        let report = try SnapshotVerifier(
            folder: workspace.folder, executionGenesis: written, knownDigests: [ExecutionGenesisStep.path: execution.sha256]
        ).run()
        guard report.ok else { throw AssembledSnapshotError(failures: report.failures) }
    }
}

/// The assembled snapshot folder failed `SnapshotVerifier`'s checks, so it was not kept.
public struct AssembledSnapshotError: Error, Equatable, CustomStringConvertible {
    /// The checks that failed.
    public var failures: [VerificationCheck]

    public init(failures: [VerificationCheck]) {
        self.failures = failures
    }

    public var description: String {
        "the assembled snapshot failed verification ("
            + failures.map { "\($0.name): \($0.detail)" }.joined(separator: "; ")
            + "); nothing was written — this is a bug, please report it"
    }
}
