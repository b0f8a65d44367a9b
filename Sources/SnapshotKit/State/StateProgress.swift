/// A progress report from a state source: how far the extraction is.
public struct StateProgress: Sendable, Equatable {
    /// Accounts read so far.
    public var accounts: Int
    /// Storage slots read so far.
    public var storageSlots: Int
    /// Fraction of the work done in 0...1 when the source can tell (e.g. position in the hashed-key space).
    public var fraction: Double?
    /// A short phase label, e.g. `accounts` or `tracing blocks`.
    public var phase: String
    /// Units done in the phase when they are not accounts (e.g. blocks traced).
    public var phaseUnits: Int?

    public init(accounts: Int, storageSlots: Int, fraction: Double?, phase: String, phaseUnits: Int? = nil) {
        self.accounts = accounts
        self.storageSlots = storageSlots
        self.fraction = fraction
        self.phase = phase
        self.phaseUnits = phaseUnits
    }
}

/// Receives progress reports; called from any task.
public typealias StateProgressHandler = @Sendable (StateProgress) -> Void
