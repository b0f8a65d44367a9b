/// Work items made one after another, run on up to `width` tasks at once, and their results handed back in the order
/// the items were made: a sequential reader and a sequential consumer with the parsing or hashing between them spread
/// over the cores, or the requests to a node kept a few at a time in flight.
///
/// Pull-based: items are made and started only as results are taken, so at most `width` items (with their results)
/// exist at once, however long the input — fewer when items are heavy: no new item is made while the ones in flight
/// weigh `maximumWeight` or more (bytes, say), so a few huge items run one at a time. An error from an item is thrown when its turn comes, after every result
/// made before it, the items still running are cancelled, and nothing is handed back after it; an error from
/// `makeItem` is thrown once the items made before it were handed back.
///
/// `next()` must not be called again before the previous call returned — the contract of an async iterator, and how
/// an `AsyncThrowingStream(unfolding:)` calls its closure. The state it guards is touched only there.
public final class OrderedWorkWindow<Output: Sendable>: @unchecked Sendable {
    /// One unit of work, run on a task of its own.
    public typealias Item = @Sendable () async throws -> Output

    private let width: Int
    private let maximumWeight: Int
    private let makeItem: () async throws -> (item: Item, weight: Int)?
    /// The items started and not yet handed back, oldest first, with their weights.
    private var running: [(task: Task<Output, any Error>, weight: Int)] = []
    private var weightInFlight = 0
    private var isExhausted = false
    private var pendingError: (any Error)?

    /// A window of `width` concurrent items (at least one), made by `makeItem` until it returns `nil`.
    public convenience init(width: Int, makeItem: @escaping () async throws -> Item?) {
        self.init(width: width, maximumWeight: .max) { try await makeItem().map { ($0, 0) } }
    }

    /// A window of `width` concurrent items (at least one) weighing less than `maximumWeight` together (beyond the
    /// first), made with their weights by `makeItem` until it returns `nil`.
    public init(width: Int, maximumWeight: Int, makeItem: @escaping () async throws -> (item: Item, weight: Int)?) {
        self.width = max(1, width)
        self.maximumWeight = maximumWeight
        self.makeItem = makeItem
    }

    deinit {
        for item in running { item.task.cancel() }
    }

    /// The next result in item order, `nil` after the last.
    public func next() async throws -> Output? {
        while !isExhausted, running.count < width, running.isEmpty || weightInFlight < maximumWeight {
            do {
                guard let (item, weight) = try await makeItem() else {
                    isExhausted = true
                    break
                }
                running.append((Task.detached { try await item() }, weight))
                weightInFlight += weight
            } catch {
                isExhausted = true
                pendingError = error
            }
        }
        guard !running.isEmpty else {
            if let pendingError {
                self.pendingError = nil
                throw pendingError
            }
            return nil
        }
        let (task, weight) = running.removeFirst()
        weightInFlight -= weight
        do {
            return try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
        } catch {
            isExhausted = true
            pendingError = nil
            for item in running { item.task.cancel() }
            running.removeAll()
            throw error
        }
    }
}
