import SnapshotKit

extension AccountRangeError: StateCompletenessError {
    /// Accounts or slots without preimage and code that does not match its hash mean an incomplete state (another
    /// source may still read it, and `create` exits with 3 when none can); the debug API off, a pruned state or an
    /// unknown block are node set-up problems.
    public var isIncompleteState: Bool {
        switch self {
        case .missingAccountPreimage, .incompleteStorage, .missingCode: true
        case .debugAPIDisabled, .historicalStateUnavailable, .blockNotFound, .malformedAnswer: false
        }
    }
}
