import SnapshotKit

/// Errors that mean the state read is incomplete (exit code 3 in `create`, nothing written): an account or storage
/// slot without preimage, code that does not match its hash. The others are node set-up problems (debug API off,
/// pruned state, unknown block) or an answer that is not a geth dump.
extension AccountRangeError: StateCompletenessError {
    public var isIncompleteState: Bool {
        switch self {
        case .missingAccountPreimage, .incompleteStorage, .missingCode: true
        case .debugAPIDisabled, .historicalStateUnavailable, .blockNotFound, .malformedAnswer: false
        }
    }
}
