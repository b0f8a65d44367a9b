import Foundation
import SnapshotKit
import SnapshotterCLI
import Testing

@Suite struct ProgressRendererTests {
    /// A clock the test moves, and the text written.
    final class Harness: @unchecked Sendable {
        private let lock = NSLock()
        private var time = 100.0
        private var written = ""

        func advance(_ seconds: Double) { lock.withLock { time += seconds } }
        var now: Double { lock.withLock { time } }
        func write(_ text: String) { lock.withLock { written += text } }
        var output: String { lock.withLock { written } }
    }

    private func progress(_ accounts: Int, fraction: Double? = nil) -> StateProgress {
        StateProgress(accounts: accounts, storageSlots: accounts / 10, fraction: fraction, phase: "accounts")
    }

    @Test func lineFormat() {
        #expect(ProgressRenderer.line(progress(123_456, fraction: 0.4567), elapsed: 10) ==
                "accounts 123,456 (12,346/s), storage slots 12,345, 45.7%")
        #expect(ProgressRenderer.line(StateProgress(accounts: 5, storageSlots: 0, fraction: nil, phase: "tracing blocks", phaseUnits: 1_200), elapsed: 0) ==
                "tracing blocks 1,200, accounts 5, storage slots 0")
        #expect(ProgressRenderer.grouped(0) == "0" && ProgressRenderer.grouped(999) == "999" && ProgressRenderer.grouped(1_000) == "1,000")
        #expect(ProgressRenderer.grouped(-1_234_567) == "-1,234,567")
    }

    @Test func terminalRewritesOneLineAtMostFourTimesASecond() {
        let harness = Harness()
        let renderer = ProgressRenderer(style: .terminal, now: { harness.now }, write: harness.write)
        renderer.report(progress(1))                 // too early: less than the interval since the start
        harness.advance(0.3)
        renderer.report(progress(2))                 // written
        harness.advance(0.1)
        renderer.report(progress(3))                 // throttled
        harness.advance(0.2)
        renderer.report(progress(4))                 // written
        renderer.finish()
        let frames = harness.output.split(separator: "\r", omittingEmptySubsequences: true)
        #expect(frames.count == 3)
        #expect(frames[0].hasPrefix("accounts 2 "))
        #expect(frames[1].hasPrefix("accounts 4 "))
        #expect(frames[2].hasPrefix("accounts 4 ") && frames[2].hasSuffix("\u{1B}[K\n"), "finish rewrites the latest and ends the line")
        #expect(!harness.output.contains("accounts 3"))
    }

    @Test func logWritesPlainLinesEveryFewSeconds() {
        let harness = Harness()
        let renderer = ProgressRenderer(style: .log, now: { harness.now }, write: harness.write)
        for step in 1...20 {
            harness.advance(1)
            renderer.report(progress(step * 100))
        }
        renderer.finish()
        let lines = harness.output.split(separator: "\n")
        #expect(lines.map { $0.split(separator: " ")[1] } == ["500", "1,000", "1,500", "2,000", "2,000"])
        #expect(!harness.output.contains("\r"))
    }

    @Test func notesCloseAnOpenLineAndFinishWithoutReportsWritesNothing() {
        let harness = Harness()
        let renderer = ProgressRenderer(style: .terminal, interval: 0, now: { harness.now }, write: harness.write)
        renderer.finish()
        #expect(harness.output.isEmpty)
        renderer.report(progress(7))
        renderer.note("writing metadata.json")
        #expect(harness.output.hasSuffix("\u{1B}[K\nwriting metadata.json\n"))
    }

    /// `finishIfShown` ends a phase without a trace when no line of it was written yet, and like `finish` otherwise.
    @Test func finishIfShownLeavesQuickWorkUnseen() {
        let harness = Harness()
        let renderer = ProgressRenderer(style: .log, now: { harness.now }, write: harness.write)
        renderer.report(progress(10))
        harness.advance(1)
        renderer.report(progress(20))
        renderer.finishIfShown()
        #expect(harness.output.isEmpty)
        harness.advance(1)
        renderer.report(progress(30))
        harness.advance(6)
        renderer.report(progress(40))
        renderer.finishIfShown()
        #expect(harness.output.split(separator: "\n").map { $0.split(separator: " ")[1] } == ["40", "40"])
    }
}
