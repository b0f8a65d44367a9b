extension AccountSample {
    /// One account of the sample and its position in the alloc.
    public typealias Pick = (position: Int, account: Account)

    /// Picks the sample from an alloc of a known number of accounts handed to it one at a time, in file order,
    /// holding at most one candidate account: memory does not grow with the alloc or the sample.
    ///
    /// For a sample of `n` out of more, the positions are cut into `n` runs of (nearly) equal length — run `r` is
    /// `r * total / n ..< (r + 1) * total / n` — and one account is taken from each run: the first with storage, else
    /// the first with code, else the first. The sample is so spread over the whole alloc, the same for the same alloc
    /// on every run, and includes a contract with storage from every run that has one. A sample of at least the
    /// alloc (or `all`) takes every account.
    public struct Picker {
        /// The accounts the alloc holds.
        public let total: Int
        /// The accounts the sample holds: one per run.
        public let size: Int
        /// Accounts offered so far.
        public private(set) var offered = 0
        /// The run the next account belongs to, and where that run ends (exclusive).
        private var run = 0
        private var runEnd: Int
        /// Whether the current run has handed on its account (one with storage).
        private var picked = false
        /// The current run's first account with code, else its first account.
        private var fallback: Pick?

        public init(_ sample: AccountSample, accounts total: Int) {
            self.total = total
            size = sample.size(outOf: total)
            runEnd = size == 0 ? 0 : total / size
        }

        /// Offers the next account of the alloc; returns an account of the sample as soon as its run has decided it
        /// (so the picks come in ascending positions), else `nil`. Accounts beyond `total` are never picked.
        public mutating func offer(_ account: Account) -> Pick? {
            let position = offered
            offered += 1
            guard run < size else { return nil }
            var pick: Pick?
            if !picked {
                if !account.storage.isEmpty {
                    pick = (position, account)
                    picked = true
                    fallback = nil
                } else if fallback == nil || (fallback?.account.code.isEmpty == true && !account.code.isEmpty) {
                    fallback = (position, account)
                }
            }
            if position + 1 == runEnd {
                if !picked { pick = fallback }
                fallback = nil
                picked = false
                run += 1
                runEnd = (run + 1) * total / size
            }
            return pick
        }
    }
}
