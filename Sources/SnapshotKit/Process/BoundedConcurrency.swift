/// Runs `operation` on the elements `next` hands out until it returns `nil`, with at most `limit` operations in
/// flight, and hands each result to `consume` on the calling task as it arrives (in completion order, with its
/// element). `next` is asked for an element only when an operation can start, so a streamed input is read no further
/// ahead than `limit` elements. The first error — of `next`, an operation or `consume` — cancels the operations still
/// running and is rethrown.
func forEachConcurrently<Element: Sendable, Output: Sendable>(
    next: () async throws -> Element?,
    limit: Int,
    operation: @escaping @Sendable (Element) async throws -> Output,
    consume: (Element, Output) throws -> Void
) async throws {
    try await withThrowingTaskGroup(of: (Element, Output).self) { group in
        func startNext() async throws {
            guard let element = try await next() else { return }
            group.addTask { (element, try await operation(element)) }
        }
        for _ in 0..<max(1, limit) { try await startNext() }
        while let (element, output) = try await group.next() {
            try consume(element, output)
            try await startNext()
        }
    }
}
