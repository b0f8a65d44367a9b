import Foundation
import SnapshotKit
import Testing

struct OrderedWorkWindowTests {
    private struct ItemFailed: Error, Equatable { let index: Int }

    /// Items finishing in any order come back in the order they were made, and never more than `width` are made
    /// ahead of the results taken.
    @Test(arguments: [1, 3, 8])
    func resultsComeBackInOrderWithinTheWidth(width: Int) async throws {
        let made = LockedState(0)
        let window = OrderedWorkWindow<Int>(width: width) {
            let index = made.withLock { count -> Int? in
                guard count < 100 else { return nil }
                count += 1
                return count - 1
            }
            guard let index else { return nil }
            // Later items take less work, so they tend to finish first.
            return { (0..<(100 - index) * 200).reduce(index) { $0 &+ $1 &* 0 } }
        }
        var results: [Int] = []
        while let result = try await window.next() {
            results.append(result)
            #expect(made.withLock { $0 } - results.count <= width)
        }
        #expect(results == Array(0..<100))
    }

    /// Items are made only while the items in flight weigh less than the maximum: with weights of 6 and a maximum of
    /// 10, two at a time whatever the width; after an item heavier than the maximum nothing more is made until it
    /// was handed back; light items fill the width again.
    @Test func heavyItemsRunFewerAtATime() async throws {
        let made = LockedState(0)
        let weights = [6, 6, 6, 6, 50, 6, 6, 1, 1, 1]
        let window = OrderedWorkWindow<Int>(width: 8, maximumWeight: 10) {
            let index = made.withLock { count -> Int? in
                guard count < weights.count else { return nil }
                count += 1
                return count - 1
            }
            guard let index else { return nil }
            return ({ index }, weights[index])
        }
        var results: [Int] = []
        var inFlight: [Int] = []
        while let result = try await window.next() {
            inFlight.append(made.withLock { $0 } - results.count)
            results.append(result)
        }
        #expect(results == Array(weights.indices))
        // Taken before each result: the items made and not yet handed back, the one being handed back included.
        #expect(inFlight == [2, 2, 2, 2, 1, 2, 4, 3, 2, 1])
    }

    /// A failing item fails the read at its turn: the results before it still come back, and the items after it
    /// are not reported.
    @Test func anItemErrorComesAtItsTurn() async throws {
        var next = 0
        let window = OrderedWorkWindow<Int>(width: 4) {
            guard next < 10 else { return nil }
            let index = next
            next += 1
            return { if index == 5 || index == 7 { throw ItemFailed(index: index) }; return index }
        }
        var results: [Int] = []
        await #expect(throws: ItemFailed(index: 5)) {
            while let result = try await window.next() { results.append(result) }
        }
        #expect(results == [0, 1, 2, 3, 4])
    }

    /// An error making the next item comes after the results of the items made before it.
    @Test func aMakingErrorComesAfterTheEarlierResults() async throws {
        var next = 0
        let window = OrderedWorkWindow<Int>(width: 3) {
            guard next < 4 else { throw ItemFailed(index: next) }
            let index = next
            next += 1
            return { index }
        }
        var results: [Int] = []
        await #expect(throws: ItemFailed(index: 4)) {
            while let result = try await window.next() { results.append(result) }
        }
        #expect(results == [0, 1, 2, 3])
    }

    /// Asynchronous items — requests to a node — come back in order however they finish, and only the window runs
    /// ahead of a consumer that stops asking.
    @Test func asyncItemsComeBackInOrderAndWaitForTheConsumer() async throws {
        let started = LockedState(0)
        var next = 0
        let window = OrderedWorkWindow<Int>(width: 4) {
            guard next < 1_000 else { return nil }
            let index = next
            next += 1
            return {
                started.withLock { $0 += 1 }
                // Every tenth item is slow, so the ones after it finish first and wait for their turn.
                if index % 10 == 0 { try await Task.sleep(for: .milliseconds(5)) }
                return index
            }
        }
        for expected in 0..<30 { #expect(try await window.next() == expected) }
        try await Task.sleep(for: .milliseconds(100))
        #expect(started.withLock { $0 } <= 30 + 4, "started ahead of the consumer")
    }

    /// The first error in item order is rethrown; the items still running are cancelled, and nothing is handed back
    /// after it.
    @Test func anErrorCancelsTheRest() async throws {
        let cancelled = LockedState(0)
        var next = 0
        let window = OrderedWorkWindow<Int>(width: 4) {
            guard next < 10 else { return nil }
            let index = next
            next += 1
            return {
                if index == 1 { throw ItemFailed(index: 1) }
                if index == 0 { return index }
                do {
                    try await Task.sleep(for: .seconds(60))
                } catch {
                    cancelled.withLock { $0 += 1 }
                    throw error
                }
                return index
            }
        }
        #expect(try await window.next() == 0)
        await #expect(throws: ItemFailed(index: 1)) { _ = try await window.next() }
        #expect(try await window.next() == nil)
        // Items 2, 3 and 4 were started (the window refilled once after item 0): each sees its cancellation.
        for _ in 0..<3_000 where cancelled.withLock({ $0 }) < 3 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(cancelled.withLock { $0 } == 3)
    }
}
