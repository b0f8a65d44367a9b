import Foundation
import TestFixtures
import Testing
@testable import SnapshotKit

/// Reading trace and block answers into touched addresses and slots: Besu's own test answers for both trace formats,
/// and the rules for what traces never show.
@Suite struct UniversalTraceParsingTests {
    static func vector(_ name: String) throws -> JSONValue {
        let url = try TestFixtures.url("rpc/\(name).json")
        return try JSONParser.parse([UInt8](Data(contentsOf: url)))
    }

    static func address(_ text: String) throws -> Address { try Address(hex: text) }
    static func slot(_ value: UInt64) -> [UInt8] { UInt256(value).bigEndianBytes }

    /// What `changes` leaves in an empty touched set.
    static func touched(_ changes: BlockChanges) -> TouchedState {
        var touched = TouchedState()
        touched.apply(changes)
        return touched
    }

    /// Besu's prestateTracer diffMode answer for a block that clears slot 2 of 0x0010…: the slot is only in `pre`, of
    /// an account that is in `post`, so it shows as cleared.
    @Test func prestateDiffFromBesu() throws {
        let vector = try Self.vector("besu_debug_traceBlockByNumber_prestate_diff_0x5")
        #expect(vector["request"]?["params"]?.arrayValue == TraceMethod.prestateDiff.params(block: 5))
        let changes = try TraceMethod.prestateDiff.changes(in: try #require(vector["response"]?["result"]), block: 5)
        let contract = try Self.address("0x0010000000000000000000000000000000000000")
        #expect(changes.cleared == [contract: [Self.slot(2)]])
        let touched = Self.touched(changes)
        #expect(touched.slots == [
            contract: [],
            try Self.address("0x71562b71999873db5b286df957af199ec94617f7"): [],
            try Self.address("0xfe3b557e8fb62b89f4916b721be55ceb828dbd73"): [],
        ])
        #expect(touched.slotCount == 0)
    }

    /// Besu's stateDiff answers: storage written over three transactions (`*` deltas, from zero too, and slot 1
    /// cleared by the third), a cleared slot, and a self-destruct (`-` deltas) paying a new account (`+` deltas).
    @Test func stateDiffFromBesu() throws {
        let contract = try Self.address("0x0010000000000000000000000000000000000000")
        let writes = try Self.vector("besu_trace_replayBlockTransactions_diffOnly_0x4")
        #expect(writes["request"]?["params"]?.arrayValue == TraceMethod.stateDiff.params(block: 4))
        let fourth = try TraceMethod.stateDiff.changes(in: try #require(writes["response"]?["result"]), block: 4)
        #expect(fourth.cleared == [contract: [Self.slot(1)]])
        #expect(Self.touched(fourth).slots == [
            try Self.address("0x0000000000000000000000000000000000000000"): [],
            contract: [Self.slot(2)],
            try Self.address("0xfe3b557e8fb62b89f4916b721be55ceb828dbd73"): [],
            try Self.address("0x627306090abab3a6e1400e9345bc60c78a8bef57"): [],
        ])

        let clearing = try Self.vector("besu_trace_replayBlockTransactions_diffOnly_0x5")
        let fifth = try TraceMethod.stateDiff.changes(in: try #require(clearing["response"]?["result"]), block: 5)
        #expect(fifth.cleared == [contract: [Self.slot(2)]])
        #expect(Self.touched(fifth).accountCount == 3)

        // Applied in block order, the contract ends with no slot to prove.
        var chain = TouchedState()
        chain.apply(fourth)
        chain.apply(fifth)
        #expect(chain.slots[contract] == [])
        #expect(chain.slotCount == 0)

        let destroying = try Self.vector("besu_trace_replayBlockTransactions_diffOnly_0x6")
        let destroyed = try TraceMethod.stateDiff.changes(in: try #require(destroying["response"]?["result"]), block: 6)
        #expect(Set(Self.touched(destroyed).slots.keys) == [
            try Self.address("0x0000000000000000000000000000000000000000"),
            try Self.address("0x0000000000000999000000000000000000000000"),
            try Self.address("0x0020000000000000000000000000000000000000"),
            try Self.address("0xfe3b557e8fb62b89f4916b721be55ceb828dbd73"),
        ])
    }

    /// A slot cleared and written again later is kept; one written and cleared later is dropped; a clear of a slot
    /// never seen changes nothing but the account.
    @Test func changesApplyInOrder() throws {
        let contract = try Self.address("0x0010000000000000000000000000000000000000")
        var first = BlockChanges()
        first.write(contract, slot: Self.slot(1))
        first.clear(contract, slot: Self.slot(1))
        first.write(contract, slot: Self.slot(1))
        first.write(contract, slot: Self.slot(2))
        var second = BlockChanges()
        second.clear(contract, slot: Self.slot(2))
        second.clear(contract, slot: Self.slot(9))
        var touched = TouchedState()
        touched.apply(first)
        touched.apply(second)
        #expect(touched.slots == [contract: [Self.slot(1)]])
        #expect(touched.slotCount == 1)
    }

    @Test func answersThatCannotBeReadAreNamed() throws {
        // A node that ignores diffMode answers with the bare prestate map.
        let bare = JSONValue.array([.object([("txHash", .string("0x01")), ("result", .object([
            ("0x0010000000000000000000000000000000000000", .object([("balance", .string("0x0"))])),
        ]))])])
        let ignored = "transaction 0: no pre and post objects (does the node ignore tracerConfig.diffMode?)"
        #expect(throws: UniversalSourceError.malformedTrace(block: 7, method: "debug_traceBlockByNumber", reason: ignored)) {
            try TraceMethod.prestateDiff.changes(in: bare, block: 7)
        }
        let failed = JSONValue.array([.object([("txHash", .string("0x01")), ("error", .string("execution timeout"))])])
        #expect(throws: UniversalSourceError.malformedTrace(block: 7, method: "debug_traceBlockByNumber",
                                                           reason: "transaction 0: the node could not trace it: execution timeout")) {
            try TraceMethod.prestateDiff.changes(in: failed, block: 7)
        }
        #expect(throws: UniversalSourceError.self) { try TraceMethod.stateDiff.changes(in: .object([]), block: 7) }
        let badSlot = JSONValue.array([.object([("stateDiff", .object([
            ("0x0010000000000000000000000000000000000000", .object([("storage", .object([("zz", .string("="))]))])),
        ]))])])
        #expect(throws: UniversalSourceError.self) { try TraceMethod.stateDiff.changes(in: badSlot, block: 7) }
        #expect(try TraceMethod.stateDiff.changes(in: .array([]), block: 7) == BlockChanges())
    }

    @Test func tracingCallsAskForTheDiffs() {
        #expect(JSONWriter.string(.array(TraceMethod.prestateDiff.params(block: 26)))
            == #"["0x1a",{"tracer":"prestateTracer","tracerConfig":{"diffMode":true}}]"#)
        #expect(JSONWriter.string(.array(TraceMethod.stateDiff.params(block: 26))) == #"["0x1a",["stateDiff"]]"#)
    }

    @Test func blockEffectsNameFeeRecipientAndWithdrawals() throws {
        let block = JSONValue.object([
            ("number", .string("0x1b4")), ("miner", .string("0x8943545177806ed17b9f23f0a21ee5948ecaa776")),
            ("timestamp", .string("0x6553f100")),
            ("withdrawals", .array([.object([
                ("index", .string("0x0")), ("validatorIndex", .string("0x1")),
                ("address", .string("0x00000000000000000000000000000000000010f0")), ("amount", .string("0x1")),
            ])])),
        ])
        let effects = try BlockEffects(json: block, number: 436)
        #expect(effects.feeRecipient == (try Self.address("0x8943545177806ed17b9f23f0a21ee5948ecaa776")))
        #expect(effects.withdrawalRecipients == [try Self.address("0x00000000000000000000000000000000000010f0")])
        #expect(effects.timestamp == 0x6553f100)
        #expect(try BlockEffects(json: block.removing("withdrawals"), number: 436).withdrawalRecipients.isEmpty)
        #expect(throws: UniversalSourceError.malformedBlock(block: 437, reason: "it is block 0x1b4")) {
            try BlockEffects(json: block, number: 437)
        }
        #expect(throws: UniversalSourceError.malformedBlock(block: 9, reason: "the node does not have this block")) {
            try BlockEffects(json: .null, number: 9)
        }
    }

    /// The slots of the system calls, from the EIPs: 4788 `timestamp % 8191` and `+ 8191`, 2935 `(number - 1) % 8191`,
    /// 7002 and 7251 slots 0–3.
    @Test func systemContractSlots() throws {
        #expect(SystemContract.beaconRoots.address == (try Self.address("0x000f3df6d732807ef1319fb7b8bb8522d0beac02")))
        let ring: UInt64 = 1_700_000_012 % 8191
        #expect(SystemContract.beaconRoots.slotsWritten(block: 1, timestamp: 1_700_000_012) == [UInt256(ring), UInt256(ring + 8191)])
        #expect(SystemContract.historyStorage.slotsWritten(block: 8192, timestamp: 0) == [UInt256(0)])
        #expect(SystemContract.historyStorage.slotsWritten(block: 8191, timestamp: 0) == [UInt256(8190)])
        #expect(SystemContract.withdrawalRequests.slotsWritten(block: 5, timestamp: 0) == [0, 1, 2, 3])
        #expect(SystemContract.consolidationRequests.address == (try Self.address("0x0000bbddc7ce488642fb579f8b00f3a590007251")))
    }
}
