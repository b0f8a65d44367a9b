/// Runs an operation on a sequence of elements a few at a time and hands the results out in sequence order.
///
/// At most `window` operations are started and not yet handed out: a result that arrives before its turn waits
/// among them, and the next element is started only when the oldest result is handed out. So however the answers are
/// ordered or delayed, and however slow the consumer, no more than `window` results are ever held, and elements are
/// taken from the sequence only as the window moves.
actor OrderedPrefetch<Element: Sendable, Output: Sendable> {
    private var elements: any IteratorProtocol<Element> & Sendable
    private let window: Int
    private let operation: @Sendable (Element) async throws -> Output
    /// Operations started and not yet handed out, oldest first.
    private var pending: [Task<Output, any Error>] = []
    private var exhausted = false
    /// The most operations ever started and not yet handed out at once.
    private(set) var mostPending = 0

    init(_ elements: some IteratorProtocol<Element> & Sendable, window: Int,
         operation: @escaping @Sendable (Element) async throws -> Output) {
        self.elements = elements
        self.window = max(1, window)
        self.operation = operation
    }

    deinit {
        for task in pending { task.cancel() }
    }

    /// The result of the next element in sequence order; `nil` when every element was handed out. An error of the
    /// operation (or cancellation) cancels the operations still running and is rethrown; nothing is handed out after.
    func next() async throws -> Output? {
        refill()
        guard !pending.isEmpty else { return nil }
        let oldest = pending.removeFirst()
        do {
            let output = try await withTaskCancellationHandler {
                try await oldest.value
            } onCancel: {
                oldest.cancel()
            }
            refill()
            return output
        } catch {
            stop()
            throw error
        }
    }

    /// Starts operations on the next elements while the window has room.
    private func refill() {
        while !exhausted && pending.count < window {
            guard let element = elements.next() else {
                exhausted = true
                break
            }
            let operation = operation
            pending.append(Task { try await operation(element) })
            mostPending = max(mostPending, pending.count)
        }
    }

    private func stop() {
        exhausted = true
        for task in pending { task.cancel() }
        pending.removeAll()
    }
}
