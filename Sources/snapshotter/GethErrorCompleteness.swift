import GethPlugin
import SnapshotKit

/// Which errors of geth's state source mean an incomplete state (exit code 3): accounts or slots without preimage,
/// code that does not match its hash. The others (debug API off, pruned state, unknown block) are node set-up
/// problems (exit code 2). This belongs in the Geth plugin, next to `AccountRangeError`; it lives here until the
/// plugin declares it.
extension AccountRangeError: StateCompletenessError {
    public var isIncompleteState: Bool {
        switch self {
        case .missingAccountPreimage, .incompleteStorage, .missingCode: true
        case .debugAPIDisabled, .historicalStateUnavailable, .blockNotFound, .malformedAnswer: false
        }
    }
}
