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

    /// The positions `sample` picks from `accounts` streamed through a picker, checking that each pick comes as soon as
    /// its run has decided it: at the account itself when it has storage, else at the run's last account.
    static func positions(_ sample: AccountSample, in accounts: [Account]) -> [Int] {
        var picker = AccountSample.Picker(sample, accounts: accounts.count)
        var positions: [Int] = []
        for (offered, account) in accounts.enumerated() {
            guard let pick = picker.offer(account) else { continue }
            #expect(pick.account == accounts[pick.position])
            #expect(pick.position == offered || (accounts[pick.position].storage.isEmpty && offered > pick.position), "\(pick.position) at \(offered)")
            positions.append(pick.position)
        }
        #expect(picker.offered == accounts.count && positions.count == picker.size)
        return positions
    }

    @Test func argumentIsAllOrAPositiveCount() {
        #expect(AccountSample(argument: "all") == .all)
        #expect(AccountSample(argument: "ALL") == .all)
        #expect(AccountSample(argument: "5") == .count(5))
        for bad in ["0", "-1", "", "some", "1.5"] { #expect(AccountSample(argument: bad) == nil, "\(bad)") }
        #expect(AccountSample.standard == .count(64))
        #expect(AccountSample.standard.description == "64" && AccountSample.all.description == "all")
    }

    @Test func sizeIsTheCountBelowTheAllocElseTheAlloc() {
        #expect(AccountSample.count(5).size(outOf: 20) == 5)
        #expect(AccountSample.count(20).size(outOf: 20) == 20 && AccountSample.count(64).size(outOf: 20) == 20)
        #expect(AccountSample.all.size(outOf: 20) == 20 && AccountSample.standard.size(outOf: 0) == 0)
    }

    @Test func accountsBeyondTheAnnouncedCountAreNeverPicked() {
        let accounts = Self.alloc(30)
        var picker = AccountSample.Picker(.count(4), accounts: 20)
        let picked = accounts.compactMap { picker.offer($0)?.position }
        #expect(picked == [3, 6, 10, 16] && picker.offered == 30)
    }

    @Test func allOrAtLeastTheAllocTakesEveryAccount() {
        let accounts = Self.alloc(20)
        #expect(Self.positions(.all, in: accounts) == Array(0..<20))
        #expect(Self.positions(.count(20), in: accounts) == Array(0..<20))
        #expect(Self.positions(.count(64), in: accounts) == Array(0..<20))
        #expect(Self.positions(.standard, in: []) == [])
    }

    @Test func oneAccountPerRunPreferringStorageThenCode() {
        let accounts = Self.alloc(100)
        // Runs of 10: positions 6, 16, … hold storage.
        #expect(Self.positions(.count(10), in: accounts) == Array(stride(from: 6, to: 100, by: 10)))
        // Runs of 5: every other run has storage; the others take their first contract, else their first account.
        let positions = Self.positions(.count(20), in: accounts)
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
        let positions = Self.positions(.count(64), in: accounts)
        #expect(positions.count == 64)
        #expect(positions == positions.sorted() && Set(positions).count == 64)
        #expect(positions.first! < 1_000 / 64 && positions.last! >= 1_000 - 1_000 / 64)
        #expect(positions == Self.positions(.count(64), in: accounts))
        #expect(Self.positions(.count(1), in: accounts) == [6])
    }
}
