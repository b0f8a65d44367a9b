/// What an emitter is given to define its service.
public struct RuntimeContext: Sendable {
    /// The snapshot's facts.
    public var snapshot: RuntimeSnapshot
    /// The role being defined.
    public var role: RuntimeRole
    /// The image the service runs (the user's choice or the emitter's default).
    public var image: String
    /// The fee recipient of proposed blocks.
    public var feeRecipient: String

    public init(snapshot: RuntimeSnapshot, role: RuntimeRole, image: String, feeRecipient: String) {
        self.snapshot = snapshot
        self.role = role
        self.image = image
        self.feeRecipient = feeRecipient
    }

    /// The role's own empty data directory (see ``RuntimeLayout``).
    public var dataDirectory: String { RuntimeLayout.dataDirectory(role) }
}
