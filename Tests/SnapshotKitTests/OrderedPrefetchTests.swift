import Testing
@testable import SnapshotKit

/// The window the universal source traces blocks and reads proofs through.
@Suite struct OrderedPrefetchTests {
    /// Results come out in sequence order however the operations finish, and never more than `window` operations
    /// are started and not yet handed out.
    @Test(arguments: [1, 3, 8])
    func resultsComeInOrderWithinTheWindow(window: Int) async throws {
        let started = LockedState(0)
        let prefetch = OrderedPrefetch((0..<50).makeIterator(), window: window) { index in
            started.withLock { $0 += 1 }
            // Every tenth element is slow, so the ones after it finish first and wait for their turn.
            if index % 10 == 0 { try await Task.sleep(for: .milliseconds(20)) }
            return index * 2
        }
        var handedOut = 0
        while let value = try await prefetch.next() {
            #expect(value == handedOut * 2)
            handedOut += 1
            #expect(started.withLock { $0 } - handedOut <= window, "started ahead of the consumer")
        }
        #expect(handedOut == 50)
        #expect(await prefetch.mostPending == window)
        #expect(try await prefetch.next() == nil)
    }

    /// A consumer that stops asking stops the starting: only the window runs ahead of it.
    @Test func aConsumerThatStopsStopsTheWork() async throws {
        let started = LockedState(0)
        let prefetch = OrderedPrefetch((0..<1_000).makeIterator(), window: 4) { index in
            started.withLock { $0 += 1 }
            return index
        }
        for _ in 0..<3 { _ = try await prefetch.next() }
        try await Task.sleep(for: .milliseconds(100))
        #expect(started.withLock { $0 } <= 3 + 4)
    }

    struct Failure: Error, Equatable {}

    /// The first error in sequence order is rethrown; the operations still running are cancelled, and nothing is
    /// handed out after it.
    @Test func anErrorCancelsTheRest() async throws {
        let cancelled = LockedState(0)
        let prefetch = OrderedPrefetch((0..<10).makeIterator(), window: 4) { index in
            if index == 1 { throw Failure() }
            if index == 0 { return index }
            do {
                try await Task.sleep(for: .seconds(60))
            } catch {
                cancelled.withLock { $0 += 1 }
                throw error
            }
            return index
        }
        #expect(try await prefetch.next() == 0)
        await #expect(throws: Failure()) { _ = try await prefetch.next() }
        #expect(try await prefetch.next() == nil)
        // Elements 2, 3 and 4 were started (the window refilled once after element 0): each sees its cancellation.
        for _ in 0..<3_000 where cancelled.withLock({ $0 }) < 3 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(cancelled.withLock { $0 } == 3)
    }
}
