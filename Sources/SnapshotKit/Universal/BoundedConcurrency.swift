/// Runs `operation` on every element with at most `limit` operations in flight, and hands each result to `consume`
/// on the calling task as it arrives (in completion order, with the element's index). The first error cancels the
/// operations still running and is rethrown.
func forEachConcurrently<Element: Sendable, Output: Sendable>(
    _ elements: [Element],
    limit: Int,
    operation: @escaping @Sendable (Element) async throws -> Output,
    consume: (Int, Output) throws -> Void
) async throws {
    try await withThrowingTaskGroup(of: (Int, Output).self) { group in
        var next = 0
        func startNext() {
            guard next < elements.count else { return }
            let index = next
            let element = elements[index]
            group.addTask { (index, try await operation(element)) }
            next += 1
        }
        for _ in 0..<max(1, limit) { startNext() }
        while let (index, output) = try await group.next() {
            try consume(index, output)
            startNext()
        }
    }
}
