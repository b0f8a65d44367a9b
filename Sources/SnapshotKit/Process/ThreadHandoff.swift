import Foundation

/// Runs a blocking producer — a synchronous file reader — on a thread of its own and hands what it yields to async
/// code, at most `capacity` values ahead of the consumer: the producer waits for room, so memory stays bounded however
/// much it produces, and no thread of the concurrency pool is ever blocked.
///
/// The consumer takes values with ``next()`` until it returns `nil` (the producer finished) or throws (the producer
/// threw). Releasing the handoff early stops the producer: its next `yield` throws `CancellationError`.
final class ThreadHandoff<Element: Sendable>: Sendable {
    /// What producer and consumer share; the producer's thread holds only this, so releasing the handoff is seen.
    private let channel: Channel

    /// Starts `produce` on a new thread; it hands each value to `yield`, which waits while `capacity` values are unread.
    init(capacity: Int, produce: @escaping @Sendable (_ yield: (Element) throws -> Void) throws -> Void) {
        let channel = Channel(capacity: max(1, capacity))
        self.channel = channel
        Thread {
            channel.finish(Result { try produce(channel.yield) })
        }.start()
    }

    deinit { channel.cancel() }

    /// The next value in the order produced; `nil` once the producer returned; the producer's error once it threw.
    func next() async throws -> Element? { try await channel.next() }

    private final class Channel: @unchecked Sendable {
        private let condition = NSCondition()
        private let capacity: Int
        // Guarded by `condition`.
        private var buffer: [Element] = []
        private var waitingConsumer: CheckedContinuation<Element?, any Error>?
        private var end: Result<Void, any Error>?
        private var cancelled = false

        init(capacity: Int) { self.capacity = capacity }

        func yield(_ element: Element) throws {
            condition.lock()
            while buffer.count >= capacity, !cancelled { condition.wait() }
            guard !cancelled else {
                condition.unlock()
                throw CancellationError()
            }
            if let consumer = waitingConsumer {
                waitingConsumer = nil
                condition.unlock()
                consumer.resume(returning: element)
            } else {
                buffer.append(element)
                condition.unlock()
            }
        }

        func finish(_ result: Result<Void, any Error>) {
            condition.lock()
            end = result
            let consumer = waitingConsumer
            waitingConsumer = nil
            condition.unlock()
            consumer?.resume(with: result.map { nil })
        }

        func next() async throws -> Element? {
            try await withCheckedThrowingContinuation { continuation in
                condition.lock()
                if !buffer.isEmpty {
                    let element = buffer.removeFirst()
                    condition.signal()
                    condition.unlock()
                    continuation.resume(returning: element)
                } else if let end {
                    // An error is handed on once; then the sequence is over.
                    self.end = .success(())
                    condition.unlock()
                    continuation.resume(with: end.map { nil })
                } else {
                    waitingConsumer = continuation
                    condition.unlock()
                }
            }
        }

        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }
    }
}
