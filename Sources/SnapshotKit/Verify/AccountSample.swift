/// Which alloc accounts ``NodeVerifier`` proves on the node: every one, or a deterministic sample spread over the
/// whole alloc, which ``Picker`` picks from the alloc as it streams by.
public enum AccountSample: Sendable, Equatable, CustomStringConvertible {
    /// Every alloc account.
    case all
    /// At most this many accounts (at least 1).
    case count(Int)

    /// The sample `snapshotter verify --rpc-url` takes unless told otherwise.
    public static let standard = AccountSample.count(64)

    /// Reads `all` or a positive count; `nil` for anything else.
    public init?(argument: String) {
        if argument.lowercased() == "all" {
            self = .all
        } else if let count = Int(argument), count > 0 {
            self = .count(count)
        } else {
            return nil
        }
    }

    /// `all` or the count.
    public var description: String {
        switch self {
        case .all: "all"
        case .count(let count): String(count)
        }
    }

    /// How many accounts of an alloc of `total` the sample holds.
    public func size(outOf total: Int) -> Int {
        guard case .count(let wanted) = self, wanted < total else { return total }
        return max(1, wanted)
    }
}
