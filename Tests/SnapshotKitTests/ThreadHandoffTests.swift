import Foundation
import Testing
@testable import SnapshotKit

/// `ThreadHandoff`: a blocking producer's values reach async code in order, never more than its capacity ahead, and
/// the producer stops once the consumer is gone.
@Suite struct ThreadHandoffTests {
    @Test func valuesArriveInOrderNeverMoreThanTheCapacityAhead() async throws {
        let started = LockedState(0)
        let handoff = ThreadHandoff<Int>(capacity: 3) { yield in
            for value in 0..<200 {
                started.withLock { $0 += 1 }
                try yield(value)
            }
        }
        var taken: [Int] = []
        while let value = try await handoff.next() {
            taken.append(value)
            // Taken, at most 3 waiting, and one being yielded.
            let ahead = started.withLock { $0 } - taken.count
            #expect(ahead <= 4, "\(ahead) values ahead after \(taken.count)")
        }
        #expect(taken == Array(0..<200))
        #expect(try await handoff.next() == nil)
    }

    @Test func theProducersErrorFollowsItsValues() async throws {
        struct Broken: Error {}
        let handoff = ThreadHandoff<Int>(capacity: 1) { yield in
            try yield(1)
            try yield(2)
            throw Broken()
        }
        #expect(try await handoff.next() == 1)
        #expect(try await handoff.next() == 2)
        await #expect(throws: Broken.self) { try await handoff.next() }
        #expect(try await handoff.next() == nil)
    }

    @Test(.timeLimit(.minutes(1))) func releasingTheHandoffStopsTheProducer() async throws {
        let (ends, end) = AsyncStream<String>.makeStream()
        do {
            let handoff = ThreadHandoff<Int>(capacity: 2) { yield in
                do {
                    for value in 0... { try yield(value) }
                } catch {
                    end.yield("\(type(of: error))")
                }
            }
            #expect(try await handoff.next() == 0)
        }
        var iterator = ends.makeAsyncIterator()
        #expect(await iterator.next() == "CancellationError")
    }
}
