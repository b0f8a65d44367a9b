import Foundation
import SnapshotKit
import SnapshotterCLI
import Testing

/// Rates per phase: blocks traced per second while tracing, accounts per second while proving, each from the start
/// of its phase.
@Suite struct ProgressPhaseTests {
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var time = 0.0
        private var text = ""
        var now: Double { lock.withLock { time } }
        func advance(_ seconds: Double) { lock.withLock { time += seconds } }
        func write(_ piece: String) { lock.withLock { text += piece } }
        var output: String { lock.withLock { text } }
    }

    @Test func aPhaseWithUnitsShowsTheirRate() {
        let tracing = StateProgress(accounts: 90, storageSlots: 40, fraction: 0.25, phase: "tracing blocks", phaseUnits: 1_200)
        #expect(ProgressRenderer.line(tracing, elapsed: 10) == "tracing blocks 1,200 (120/s), accounts 90, storage slots 40, 25.0%")
        let proving = StateProgress(accounts: 500, storageSlots: 7, fraction: 0.5, phase: "reading proofs")
        #expect(ProgressRenderer.line(proving, elapsed: 4) == "reading proofs, accounts 500 (125/s), storage slots 7, 50.0%")
    }

    /// The universal source traces, then proves: the tracing line ends with its final figures and the proving rate
    /// counts from the start of proving, not from the start of tracing.
    @Test func aNewPhaseEndsTheLineAndRestartsTheRate() {
        let clock = Clock()
        let renderer = ProgressRenderer(style: .log, interval: 1, now: { clock.now }, write: clock.write)
        clock.advance(2)
        renderer.report(StateProgress(accounts: 10, storageSlots: 0, fraction: 0.5, phase: "tracing blocks", phaseUnits: 50))
        clock.advance(2)
        renderer.report(StateProgress(accounts: 12, storageSlots: 0, fraction: 1, phase: "tracing blocks", phaseUnits: 100))
        clock.advance(6)
        renderer.report(StateProgress(accounts: 0, storageSlots: 0, fraction: 0, phase: "reading proofs"))
        clock.advance(2)
        renderer.report(StateProgress(accounts: 40, storageSlots: 3, fraction: 1, phase: "reading proofs"))
        renderer.finish()
        #expect(clock.output.split(separator: "\n") == [
            "tracing blocks 50 (25/s), accounts 10, storage slots 0, 50.0%",
            "tracing blocks 100 (25/s), accounts 12, storage slots 0, 100.0%",
            "tracing blocks 100 (10/s), accounts 12, storage slots 0, 100.0%",
            "reading proofs, accounts 40 (20/s), storage slots 3, 100.0%",
            "reading proofs, accounts 40 (20/s), storage slots 3, 100.0%",
        ])
    }
}
