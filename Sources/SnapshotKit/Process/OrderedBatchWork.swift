import Dispatch

/// The synchronous sibling of `OrderedWorkWindow`, for callers that are not async (reading a genesis file to verify
/// it): items are made in batches, each batch transformed on all cores while the previous batch's results are
/// consumed, in item order, on one of them.
///
/// Memory is bounded by two batches of `width` items — fewer when items are heavy: a batch ends once its items weigh
/// `maximumWeight` or more (bytes, say). An error — from making an item, transforming one or consuming
/// a result — is thrown after every result of the items made before it was consumed, so the first problem in item
/// order is the one reported.
public enum OrderedBatchWork {
    /// Makes items with `next` until it returns `nil`, transforms each with `transform` concurrently and hands the
    /// results to `consume` in the order the items were made.
    public static func run<Item, Output>(
        width: Int = ConcurrentWork.width,
        maximumWeight: Int = .max,
        weight: (Item) -> Int = { _ in 0 },
        next: () throws -> Item?,
        transform: (Item) throws -> Output,
        consume: (Output) throws -> Void
    ) throws {
        try withoutActuallyEscaping(transform) { transform in
            try withoutActuallyEscaping(consume) { consume in
                var waiting: [Result<Output, any Error>] = []
                var makingError: (any Error)?
                while true {
                    var batch: [Item] = []
                    var batchWeight = 0
                    while makingError == nil, batch.count < max(1, width), batchWeight < maximumWeight {
                        do {
                            guard let item = try next() else { break }
                            batch.append(item)
                            batchWeight += weight(item)
                        } catch {
                            makingError = error
                        }
                    }
                    if batch.isEmpty, waiting.isEmpty { break }
                    let round = BatchRound(batch: batch, waiting: waiting, transform: transform, consume: consume)
                    DispatchQueue.concurrentPerform(iterations: batch.count + 1) { round.run($0) }
                    if let error = round.consumeError { throw error }
                    waiting = round.results
                    if batch.isEmpty { break }
                }
                if let makingError { throw makingError }
            }
        }
    }
}

/// One round of `OrderedBatchWork`: iteration 0 consumes the previous batch's results in order, iteration `i` fills
/// result slot `i - 1`. Each iteration touches only its own slot (or only the consumer's state), and the round is
/// read only after `concurrentPerform` returned, which is why it may be shared unchecked.
private final class BatchRound<Item, Output>: @unchecked Sendable {
    let batch: [Item]
    let waiting: [Result<Output, any Error>]
    let transform: (Item) throws -> Output
    let consume: (Output) throws -> Void
    /// One slot per item, written by that item's iteration only.
    private let slots: UnsafeMutableBufferPointer<Result<Output, any Error>?>
    var consumeError: (any Error)?

    init(batch: [Item], waiting: [Result<Output, any Error>], transform: @escaping (Item) throws -> Output,
         consume: @escaping (Output) throws -> Void) {
        self.batch = batch
        self.waiting = waiting
        self.transform = transform
        self.consume = consume
        slots = .allocate(capacity: batch.count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// The transformed items, once every iteration ran.
    var results: [Result<Output, any Error>] { slots.map { $0! } }

    func run(_ iteration: Int) {
        if iteration == 0 {
            do {
                for result in waiting { try consume(try result.get()) }
            } catch {
                consumeError = error
            }
        } else {
            slots[iteration - 1] = Result { try transform(batch[iteration - 1]) }
        }
    }
}
