import Foundation
import SnapshotKit
import Testing

struct OrderedBatchWorkTests {
    private struct Failed: Error, Equatable { let index: Int }

    /// Results reach the consumer in item order whatever the batch width, and every item is transformed once.
    @Test(arguments: [1, 2, 3, 16])
    func resultsComeBackInOrder(width: Int) throws {
        var next = 0
        let transformed = LockedState(0)
        var results: [Int] = []
        try OrderedBatchWork.run(width: width, next: { () -> Int? in
            guard next < 100 else { return nil }
            next += 1
            return next - 1
        }, transform: { item in
            transformed.withLock { $0 += 1 }
            return item * 2
        }, consume: { results.append($0) })
        #expect(results == (0..<100).map { $0 * 2 })
        #expect(transformed.withLock { $0 } == 100)
    }

    /// A batch ends once its items weigh the maximum: with weights of 4 and a maximum of 10, batches of three, and
    /// a heavy item closes its batch.
    @Test func heavyItemsMakeSmallerBatches() throws {
        let weights = [4, 4, 4, 4, 4, 4, 30, 1, 1]
        var next = 0
        var batchSizes: [Int] = []
        let made = LockedState(0)
        var consumed = 0
        try OrderedBatchWork.run(width: 8, maximumWeight: 10, weight: { weights[$0] }, next: { () -> Int? in
            guard next < weights.count else { return nil }
            next += 1
            made.withLock { $0 += 1 }
            return next - 1
        }, transform: { $0 }, consume: { item in
            #expect(item == consumed)
            consumed += 1
            batchSizes.append(made.withLock { $0 })
        })
        #expect(consumed == weights.count)
        // Items made when each result was consumed: batches [0,1,2] [3,4,5] [6] [7,8].
        #expect(batchSizes == [6, 6, 6, 7, 7, 7, 9, 9, 9])
    }

    /// The first failure in item order is thrown — a transform error before a later one, a making error after every
    /// earlier result — and nothing after it is consumed.
    @Test func theFirstFailureInItemOrderIsThrown() throws {
        var results: [Int] = []
        var next = 0
        #expect(throws: Failed(index: 5)) {
            try OrderedBatchWork.run(width: 4, next: { () -> Int? in
                guard next < 20 else { return nil }
                next += 1
                return next - 1
            }, transform: { item in
                if item == 5 || item == 6 { throw Failed(index: item) }
                return item
            }, consume: { results.append($0) })
        }
        #expect(results == [0, 1, 2, 3, 4])

        results = []
        next = 0
        #expect(throws: Failed(index: 7)) {
            try OrderedBatchWork.run(width: 3, next: { () -> Int? in
                guard next < 7 else { throw Failed(index: next) }
                next += 1
                return next - 1
            }, transform: { $0 }, consume: { results.append($0) })
        }
        #expect(results == Array(0..<7))
    }

    /// A consumer error stops the run: later results are not consumed.
    @Test func aConsumerErrorStopsTheRun() throws {
        var results: [Int] = []
        var next = 0
        #expect(throws: Failed(index: 3)) {
            try OrderedBatchWork.run(width: 2, next: { () -> Int? in
                guard next < 50 else { return nil }
                next += 1
                return next - 1
            }, transform: { $0 }, consume: { item in
                if item == 3 { throw Failed(index: 3) }
                results.append(item)
            })
        }
        #expect(results == [0, 1, 2])
    }
}
