import SnapshotKit
import Testing

/// The sample of alloc accounts `verify --rpc-url` proves on the node.
@Suite struct AccountSampleTests {
    /// `count` accounts: plain ones, with code at every 7th position and storage at every 10th.
    static func alloc(_ count: Int) -> [Account] {
        (0..<count).map { index in
            let address = Address(bytes: Array(UInt256(UInt64(index + 1)).bigEndianBytes.suffix(20)))!
            return Account(address: address, balance: UInt256(UInt64(index + 1)),
                           code: index % 7 == 3 ? [0x60, 0x00] : [],
                           storage: index % 10 == 6 ? [UInt256(1).bigEndianBytes: UInt256(UInt64(index))] : [:])
        }
    }

    @Test func argumentIsAllOrAPositiveCount() {
        #expect(AccountSample(argument: "all") == .all)
        #expect(AccountSample(argument: "ALL") == .all)
        #expect(AccountSample(argument: "5") == .count(5))
        for bad in ["0", "-1", "", "some", "1.5"] { #expect(AccountSample(argument: bad) == nil, "\(bad)") }
        #expect(AccountSample.standard == .count(64))
        #expect(AccountSample.standard.description == "64" && AccountSample.all.description == "all")
    }

    @Test func allOrAtLeastTheAllocTakesEveryAccount() {
        let accounts = Self.alloc(20)
        #expect(AccountSample.all.positions(in: accounts) == Array(0..<20))
        #expect(AccountSample.count(20).positions(in: accounts) == Array(0..<20))
        #expect(AccountSample.count(64).positions(in: accounts) == Array(0..<20))
        #expect(AccountSample.standard.positions(in: []) == [])
    }

    @Test func oneAccountPerRunPreferringStorageThenCode() {
        let accounts = Self.alloc(100)
        // Runs of 10: positions 6, 16, … hold storage.
        #expect(AccountSample.count(10).positions(in: accounts) == Array(stride(from: 6, to: 100, by: 10)))
        // Runs of 5: every other run has storage; the others take their first contract, else their first account.
        let positions = AccountSample.count(20).positions(in: accounts)
        #expect(positions.count == 20)
        for (run, position) in positions.enumerated() {
            let range = (run * 5)..<(run * 5 + 5)
            #expect(range.contains(position))
            let expected = range.first { !accounts[$0].storage.isEmpty } ?? range.first { !accounts[$0].code.isEmpty } ?? range.lowerBound
            #expect(position == expected, "run \(run)")
        }
    }

    @Test func sampleIsSpreadOverTheAllocAndRepeatable() {
        let accounts = Self.alloc(1_000)
        let positions = AccountSample.count(64).positions(in: accounts)
        #expect(positions.count == 64)
        #expect(positions == positions.sorted() && Set(positions).count == 64)
        #expect(positions.first! < 1_000 / 64 && positions.last! >= 1_000 - 1_000 / 64)
        #expect(positions == AccountSample.count(64).positions(in: accounts))
        #expect(AccountSample.count(1).positions(in: accounts) == [6])
    }
}
