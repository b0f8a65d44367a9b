import Foundation

/// A value guarded by a lock, shareable across threads and tasks.
///
/// Used where state is touched from callbacks that are not isolated to an actor (Foundation process and
/// networking callbacks, plain threads).
public final class LockedState<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
