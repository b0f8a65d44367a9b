import SnapshotKit

/// Reads the whole state through `debug_accountRange` with up to `concurrency` calls in flight, and hands out pages
/// in ascending hashed-address order.
///
/// The first page (from key zero) measures how densely accounts fill the key space; the rest of the space is then
/// cut into ranges of about one page each (`HashedKeyRangePlan`). A window of at most `concurrency` one-page
/// fetches runs ahead of the consumer, in key order; a range whose page did not reach its end is continued at the
/// front of the window. Pages are only fetched when the window has room, so memory holds at most `concurrency + 1`
/// pages however large the state is, and a slow consumer slows the fetching.
actor AccountRangeReader {
    /// Accounts aimed for in one range: a little under a page, so that most ranges take one call.
    static let targetAccountsPerRange = 230

    private typealias Fetch = (range: HashedKeyRange, task: Task<AccountRangeFetcher.RangePage, any Error>)

    private let fetcher: AccountRangeFetcher
    private let concurrency: Int
    private let progress: StateProgressHandler
    /// `nil` until the first page has been read.
    private var plan: HashedKeyRangePlan?
    /// Fetches in key order; the first is the next to hand out.
    private var window: [Fetch] = []
    private var accounts = 0
    private var storageSlots = 0
    private var finished = false

    init(fetcher: AccountRangeFetcher, concurrency: Int, progress: @escaping StateProgressHandler) {
        self.fetcher = fetcher
        self.concurrency = max(1, concurrency)
        self.progress = progress
        window = [Self.fetch(.all, with: fetcher)]
    }

    deinit {
        for fetch in window { fetch.task.cancel() }
    }

    /// The next non-empty page in key order; `nil` when the state is exhausted.
    func nextPage() async throws -> [Account]? {
        while !finished {
            guard !window.isEmpty else {
                finished = true
                progress(StateProgress(accounts: accounts, storageSlots: storageSlots, fraction: 1, phase: "accounts"))
                return nil
            }
            let head = window.removeFirst()
            let page: AccountRangeFetcher.RangePage
            do {
                page = try await withTaskCancellationHandler {
                    try await head.task.value
                } onCancel: {
                    head.task.cancel()
                }
            } catch {
                stop()
                throw error
            }
            if let continuation = page.continuation {
                if plan == nil {
                    plan = HashedKeyRangePlan(after: continuation, sampled: page.accounts.count,
                                              targetAccounts: Self.targetAccountsPerRange, split: concurrency > 1)
                } else {
                    let rest = HashedKeyRange(start: continuation, end: head.range.end)
                    window.insert(Self.fetch(rest, with: fetcher), at: 0)
                }
            }
            refill()
            guard let last = page.accounts.last else { continue }
            accounts += page.accounts.count
            storageSlots += page.accounts.reduce(0) { $0 + $1.account.storage.count }
            progress(StateProgress(accounts: accounts, storageSlots: storageSlots,
                                   fraction: HashedKeyRange.fraction(last.key), phase: "accounts"))
            return page.accounts.map(\.account)
        }
        return nil
    }

    /// Starts fetches for the next planned ranges while the window has room.
    private func refill() {
        while window.count < concurrency, let range = plan?.next() {
            window.append(Self.fetch(range, with: fetcher))
        }
    }

    /// Cancels every fetch in flight; the reader hands out nothing more.
    private func stop() {
        finished = true
        for fetch in window { fetch.task.cancel() }
        window.removeAll()
    }

    private static func fetch(_ range: HashedKeyRange, with fetcher: AccountRangeFetcher) -> Fetch {
        (range, Task { try await fetcher.page(of: range) })
    }
}
