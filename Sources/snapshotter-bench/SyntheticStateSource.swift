import Foundation
import SnapshotKit

/// A state of `count` generated accounts served in pages in ascending keccak(address) order, generated lazily.
///
/// Every account is derived from a 4-byte seed; to serve them in hashed order the source keeps the seeds sorted by
/// keccak(address) (4 bytes an account, built once at `init`). Every thousandth account is a contract with ten
/// storage slots.
struct SyntheticStateSource: StateSource {
    let pageSize: Int
    private let order: [UInt32]

    init(count: Int, pageSize: Int = 256) {
        self.pageSize = pageSize
        var keyed = (0..<UInt32(count)).map { seed in
            (prefix: Keccak256.hash(Self.address(seed).bytes).prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }, seed: seed)
        }
        keyed.sort { $0.prefix < $1.prefix }
        order = keyed.map(\.seed)
    }

    var name: String { "synthetic state" }
    var requirements: [NodeRequirement] { [] }
    var count: Int { order.count }

    func checkRequirements(at block: PinnedBlock) async throws {}

    func accountPages(_ context: StateSourceContext) -> AsyncThrowingStream<[Account], any Error> {
        let cursor = Cursor()
        let order = order, pageSize = pageSize
        return AsyncThrowingStream(unfolding: {
            let range = cursor.advance(by: pageSize, limit: order.count)
            guard !range.isEmpty else { return nil }
            context.progress(StateProgress(accounts: range.upperBound, storageSlots: 0,
                                           fraction: Double(range.upperBound) / Double(order.count), phase: "accounts"))
            return order[range].map(Self.account)
        })
    }

    /// The account at `index` in hashed-address order.
    func account(at index: Int) -> Account { Self.account(order[index]) }

    /// The account derived from `seed`.
    static func account(_ seed: UInt32) -> Account {
        let isContract = seed % 1000 == 0
        var storage: [[UInt8]: UInt256] = [:]
        if isContract {
            for slot in 0..<10 { storage[UInt256(UInt64(slot)).bigEndianBytes] = UInt256(UInt64(seed) &* 31 &+ UInt64(slot) &+ 1) }
        }
        return Account(
            address: address(seed), nonce: UInt64(seed % 5), balance: UInt256(UInt64(seed) &* 1_000_000_007 &+ 1),
            code: isContract ? [UInt8](repeating: 0x5b, count: 100) + [UInt8(truncatingIfNeeded: seed)] : [], storage: storage)
    }

    /// A fixed 16-byte prefix, then the seed.
    static func address(_ seed: UInt32) -> Address {
        var bytes: [UInt8] = [0xbe, 0x0c, 0x4b, 0x00, 0x5e, 0xed, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]
        withUnsafeBytes(of: seed.bigEndian) { bytes.append(contentsOf: $0) }
        return Address(bytes: bytes)!
    }

    /// The position in `order`, shared by the stream's calls.
    private final class Cursor: @unchecked Sendable {
        private let lock = NSLock()
        private var position = 0

        func advance(by step: Int, limit: Int) -> Range<Int> {
            lock.lock()
            defer { lock.unlock() }
            let range = position..<min(position + step, limit)
            position = range.upperBound
            return range
        }
    }
}
