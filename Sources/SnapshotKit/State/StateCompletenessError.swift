/// An error that can say whether it means the state read is incomplete — the node cannot name an account, or a
/// storage or code read does not hash to its root — as opposed to a problem with the input or the environment.
///
/// `create` reports incomplete states like a failed verification (exit code 3, nothing written). State sources
/// adopt this for their own error types; `StateVerificationError` always means an incomplete state.
public protocol StateCompletenessError: Error {
    /// Whether the error means the state read at the pinned block is not complete.
    var isIncompleteState: Bool { get }
}

extension StateVerificationError: StateCompletenessError {
    public var isIncompleteState: Bool { true }
}
