import Crypto
import EthereumPrimitives

/// The swap-or-not shuffle of consensus-specs `compute_shuffled_index` for one seed and list size, with the per-round
/// pivots computed once.
public struct Shuffling: Sendable {
    /// The list size.
    public let count: UInt64
    private let seed: [UInt8]
    private let pivots: [UInt64]

    /// The shuffle of a list of `count` (> 0) items under `seed` (32 bytes) with `rounds` rounds
    /// (`SHUFFLE_ROUND_COUNT`).
    public init(seed: [UInt8], count: UInt64, rounds: Int) {
        precondition(count > 0, "cannot shuffle an empty list")
        precondition((0...255).contains(rounds), "SHUFFLE_ROUND_COUNT must fit in one byte")
        self.count = count
        self.seed = seed
        pivots = (0..<rounds).map { round in
            let digest = SHA256.hash(data: seed + [UInt8(round)])
            return digest.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self).littleEndian } % count
        }
    }

    /// `compute_shuffled_index(index, count, seed)`: where the item at `index` (< `count`) lands.
    public func shuffledIndex(_ index: UInt64) -> UInt64 {
        precondition(index < count, "index \(index) is outside a list of \(count)")
        var index = index
        var input = seed + [0, 0, 0, 0, 0]
        for (round, pivot) in pivots.enumerated() {
            let flip = (pivot &+ count &- index) % count
            let position = max(index, flip)
            input[32] = UInt8(round)
            let window = UInt32(truncatingIfNeeded: position >> 8)
            for byte in 0..<4 { input[33 + byte] = UInt8(truncatingIfNeeded: window >> (8 * UInt32(byte))) }
            let source = Array(SHA256.hash(data: input))
            let bit = (source[Int((position & 0xff) >> 3)] >> UInt8(position & 7)) & 1
            if bit == 1 { index = flip }
        }
        return index
    }
}
