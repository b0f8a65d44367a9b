/// The blob parameters of one fork in a chain config's `blobSchedule` (EIP-7840).
///
/// A member may be missing (early Pectra devnets wrote entries without `baseFeeUpdateFraction`); it is `nil` then.
public struct BlobScheduleEntry: Sendable, Equatable {
    /// The fork the entry belongs to, as the schedule names it: `cancun`, `prague`, `osaka`, `bpo1`…
    public var fork: String
    /// Target blobs per block.
    public var target: UInt64?
    /// Maximum blobs per block.
    public var max: UInt64?
    /// The blob base fee update fraction.
    public var baseFeeUpdateFraction: UInt64?

    public init(fork: String, target: UInt64?, max: UInt64?, baseFeeUpdateFraction: UInt64?) {
        self.fork = fork
        self.target = target
        self.max = max
        self.baseFeeUpdateFraction = baseFeeUpdateFraction
    }

    /// Reads every entry of a `blobSchedule` object, in document order.
    static func entries(from json: JSONValue) throws(GenesisError) -> [BlobScheduleEntry] {
        guard let members = json.objectValue else {
            throw .invalidField(field: "config.blobSchedule", reason: "expected an object of forks")
        }
        var entries: [BlobScheduleEntry] = []
        for (fork, value) in members {
            let field = "config.blobSchedule.\(fork)"
            guard value.objectValue != nil else { throw .invalidField(field: field, reason: "expected an object") }
            func number(_ name: String) throws(GenesisError) -> UInt64? {
                guard let raw = value[name], !raw.isNull else { return nil }
                do { return try Quantity.uint64(raw, field: "\(field).\(name)") } catch { throw .invalidQuantity(error) }
            }
            entries.append(BlobScheduleEntry(
                fork: fork, target: try number("target"), max: try number("max"),
                baseFeeUpdateFraction: try number("baseFeeUpdateFraction")))
        }
        return entries
    }
}
