import Foundation

/// The sizes the ordered work helpers (`OrderedWorkWindow`, `OrderedBatchWork`) are run with when reading a state:
/// how many items keep every core busy behind one sequential consumer, and how much input may be in flight at once.
public enum ConcurrentWork {
    /// Two items a core, at most 16 (each item may hold a few MiB).
    public static var width: Int { min(16, 2 * ProcessInfo.processInfo.activeProcessorCount) }

    /// Bytes of input in flight at once, beyond one item: contracts with huge storage are handled a few at a time.
    public static let bytesInFlight = 32 << 20
}
