/// Which alloc accounts ``NodeVerifier`` proves on the node: every one, or a deterministic sample spread over the
/// whole alloc.
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

    /// The positions in `accounts` to prove, ascending.
    ///
    /// For a sample of `n` out of more, the positions are cut into `n` runs of (nearly) equal length and one account
    /// is taken from each run: the first with storage, else the first with code, else the first. The sample is so
    /// spread over the whole alloc, the same for the same alloc on every run, and includes a contract with storage
    /// from every run that has one.
    public func positions(in accounts: [Account]) -> [Int] {
        guard case .count(let wanted) = self, wanted < accounts.count else { return Array(accounts.indices) }
        let count = max(1, wanted)
        return (0..<count).map { run in
            let range = (run * accounts.count / count)..<((run + 1) * accounts.count / count)
            return range.first { !accounts[$0].storage.isEmpty }
                ?? range.first { !accounts[$0].code.isEmpty }
                ?? range.lowerBound
        }
    }
}
