/// Re-checks the assembled folder with `SnapshotVerifier` — as `snapshotter verify` will — before it is moved into
/// place. Runs last, after the metadata; a failed check fails the run, so no unverifiable snapshot is ever left.
///
/// The EL genesis is not read back: its state root was computed from the accounts as they were written, in the same
/// pass, and its digest was hashed from the bytes as they were written (`ELGenesisBuilder`).
public struct VerificationStep: SnapshotStep {
    public init() {}

    public var title: String { "verifying the snapshot folder" }

    public func run(_ draft: inout SnapshotDraft) async throws {
        let written = draft.executionGenesis.map { genesis in
            GenesisSummary(
                parameters: genesis.parameters, accounts: genesis.state.accounts, contracts: genesis.state.contracts,
                storageSlots: genesis.state.storageSlots, stateRoot: genesis.state.stateRoot)
        }
        let digests = draft.executionGenesis.map { [ExecutionGenesisStep.path: $0.sha256] } ?? [:]
        let report = try SnapshotVerifier(folder: draft.workspace.folder, executionGenesis: written, knownDigests: digests).run()
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
