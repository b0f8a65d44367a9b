import SnapshotKit

/// A half-open range `[start, end)` of hashed addresses; `end == nil` runs to the end of the key space.
struct HashedKeyRange: Sendable, Equatable {
    var start: UInt256
    var end: UInt256?

    /// The whole key space.
    static let all = HashedKeyRange(start: .zero, end: nil)

    func contains(_ key: UInt256) -> Bool {
        key >= start && end.map { key < $0 } ?? true
    }

    /// `key`'s position in the key space as a fraction in 0..<1.
    static func fraction(_ key: UInt256) -> Double {
        let limbs = key.limbs
        let scaled = ((Double(limbs.0) * 0x1p-64 + Double(limbs.1) * 0x1p-128) + Double(limbs.2) * 0x1p-192) + Double(limbs.3) * 0x1p-256
        return min(scaled, 1.0.nextDown)
    }
}

/// The rest of the key space after a first page, cut into consecutive ranges of about `targetAccounts` accounts.
///
/// Keys are keccak256 hashes, so accounts are spread uniformly: the first page (`sampled` accounts below `start`)
/// measures the density, from which the number of ranges follows. Ranges are handed out lazily, in key order.
struct HashedKeyRangePlan: Sendable {
    /// How many ranges the rest of the key space is cut into.
    let count: UInt64
    private let start: UInt256
    private let width: UInt256
    private var handedOut: UInt64 = 0

    /// Plans `[start, 2^256)` after a first page held `sampled` accounts in `[0, start)`; one range only when
    /// `split` is false.
    init(after start: UInt256, sampled: Int, targetAccounts: Int, split: Bool) {
        let covered = HashedKeyRange.fraction(start)
        let remaining = covered > 0 ? Double(sampled) * (1 - covered) / covered : 0
        let wanted = split ? (remaining / Double(targetAccounts)).rounded(.up) : 1
        let span = UInt256.max.subtractingReportingOverflow(start).partialValue
        var count = UInt64(min(max(wanted, 1), Double(1 << 24)))
        if let small = span.uint64Value { count = min(count, max(small, 1)) }
        self.count = count
        self.start = start
        width = span.quotientAndRemainder(dividingBy: count).quotient
    }

    /// The next range in key order; `nil` once all were handed out.
    mutating func next() -> HashedKeyRange? {
        guard handedOut < count else { return nil }
        defer { handedOut += 1 }
        let from = boundary(handedOut)
        return HashedKeyRange(start: from, end: handedOut + 1 == count ? nil : boundary(handedOut + 1))
    }

    private func boundary(_ index: UInt64) -> UInt256 {
        start.addingReportingOverflow(width.multipliedReportingOverflow(by: index).partialValue).partialValue
    }
}
