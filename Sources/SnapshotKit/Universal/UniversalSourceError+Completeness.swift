extension UniversalSourceError: StateCompletenessError {
    /// A storage that does not rebuild its proven root means a write no trace reported: the state read is
    /// incomplete. The other errors are node set-up or input problems.
    public var isIncompleteState: Bool {
        switch self {
        case .incompleteStorage: true
        case .missingOriginalGenesis, .genesisMismatch, .noTracingAPI, .traceFailed, .malformedTrace, .malformedBlock,
             .missingStorageValue, .codeHashMismatch: false
        }
    }
}
