import Foundation
import SnapshotKit

/// The state root of the mainnet genesis alloc and of a synthetic 1,000,000-account state.
struct StateRootBenchmark: BenchmarkSection {
    let name = "stateroot"
    let summary = "state root: mainnet genesis alloc, and 1,000,000 synthetic accounts streamed through StateRootBuilder"

    /// Mainnet's published genesis state root.
    private static let mainnetRoot = "0xd7f8974fb5ac78d9ac099b9ad5018bedc2ce0a72dad1827a1709da30580f0544"
    private static let syntheticCount = 1_000_000

    func run() throws {
        try mainnet()
        try synthetic()
    }

    private func mainnet() throws {
        let url = BenchmarkFiles.repositoryRoot.appendingPathComponent("Tests/TestFixtures/Fixtures/genesis/mainnet.json")
        let clock = ContinuousClock()
        let readStart = clock.now
        let genesis = try GenesisFile(contentsOf: url)
        let readSeconds = (clock.now - readStart).seconds
        var root: [UInt8] = []
        let timing = measure(minimumSeconds: 2, batchSize: 1) { root = genesis.stateRoot() }
        guard root.hexString == Self.mainnetRoot else { throw BenchmarkFailure("mainnet root \(root.hexString) ≠ \(Self.mainnetRoot)") }
        let perRoot = timing.wallSeconds / Double(timing.iterations)
        print(Format.table(header: ["mainnet alloc", "value"], rows: [
            ["accounts", "\(genesis.alloc.count)"],
            ["parse genesis.json", String(format: "%.3f s", readSeconds)],
            ["state root (sort + trie)", String(format: "%.3f s  (%.0f accounts/s, mean of %d)", perRoot, Double(genesis.alloc.count) / perRoot, timing.iterations)],
            ["root", "\(root.hexString) (matches mainnet)"],
        ]))
    }

    /// Addresses are derived from their index; the benchmark sorts them by hashed key first (that index is the
    /// benchmark's own memory: 1M × 24 bytes), then streams the accounts through the builder in trie order, the
    /// way a state source delivers them. The builder's own memory is the peak increase while streaming.
    private func synthetic() throws {
        let count = Self.syntheticCount
        var order = [(key: (UInt64, UInt64), index: UInt32)]()
        order.reserveCapacity(count)
        for index in 0..<count {
            let key = Keccak256.hash(Self.address(index).bytes)
            order.append((Self.prefix(key), UInt32(index)))
        }
        order.sort { $0.key < $1.key }
        let before = resetPeakResidentMemory()
        let clock = ContinuousClock()
        let start = clock.now
        var builder = StateRootBuilder()
        for entry in order {
            let index = Int(entry.index)
            var account = Account(address: Self.address(index), nonce: UInt64(index % 7), balance: UInt256(UInt64(index) &* 1_000_000_007))
            if index % 1000 == 0 {
                account.code = [0x60, 0x00, 0x54, UInt8(index % 251)]
                account.storage = [Array(repeating: 0, count: 31) + [1]: UInt256(UInt64(index))]
            }
            try builder.append(account)
        }
        let root = builder.finish()
        let seconds = (clock.now - start).seconds
        let peak = peakResidentMemoryBytes()
        print(Format.table(header: ["synthetic state", "value"], rows: [
            ["accounts", "\(count) (every 1000th a contract with one slot)"],
            ["StateRootBuilder", String(format: "%.2f s  (%.0f accounts/s)", seconds, Double(count) / seconds)],
            ["memory while streaming", "peak \(Format.bytes(peak)), +\(Format.bytes(max(0, peak - before))) over the sorted input index"],
            ["root", root.hexString],
        ]))
    }

    private static func address(_ index: Int) -> Address {
        var seed = [UInt8](repeating: 0, count: 8)
        for byte in 0..<8 { seed[byte] = UInt8(truncatingIfNeeded: index >> (8 * byte)) }
        return Address(bytes: Array(Keccak256.hash(seed).prefix(20)))!
    }

    /// The first 16 bytes of a hashed key, enough to order 1M distinct keys (a tie would surface as a builder error).
    private static func prefix(_ key: [UInt8]) -> (UInt64, UInt64) {
        var high: UInt64 = 0, low: UInt64 = 0
        for byte in 0..<8 { high = high << 8 | UInt64(key[byte]); low = low << 8 | UInt64(key[8 + byte]) }
        return (high, low)
    }
}
