import Foundation
import SnapshotKit

/// Turns `StateProgress` reports into text for a person watching standard error: on a terminal one line rewritten
/// in place (`\r`) a few times a second, elsewhere (a log, a pipe) a plain line every few seconds.
///
/// Reports may come from any task; the renderer throttles them, so a source may report as often as it likes. Its
/// mutable state is kept in a `LockedState`.
public final class ProgressRenderer: Sendable {
    /// How lines are written.
    public enum Style: Sendable {
        /// One line, rewritten in place.
        case terminal
        /// Plain lines, one per interval.
        case log
    }

    public let style: Style
    /// The least time between two lines, in seconds.
    public let interval: Double
    private let now: @Sendable () -> Double
    private let write: @Sendable (String) -> Void
    private let renderState: LockedState<RenderState>

    private struct RenderState {
        var start: Double
        var lastWrite: Double?
        var latest: StateProgress?
        /// Whether a terminal line is open (written without its newline).
        var lineOpen = false
    }

    /// A renderer that writes through `write` (e.g. to standard error); `interval` defaults to 0.25 s on a terminal
    /// and 5 s otherwise; `now` is the current time in seconds (injectable for tests).
    public init(style: Style, interval: Double? = nil, now: @escaping @Sendable () -> Double = ProgressRenderer.monotonicSeconds,
                write: @escaping @Sendable (String) -> Void) {
        self.style = style
        self.interval = interval ?? (style == .terminal ? 0.25 : 5)
        self.now = now
        self.write = write
        renderState = LockedState(RenderState(start: now()))
    }

    /// Takes a report; writes a line when the last one is at least `interval` old. A report of a new phase first
    /// ends the previous phase's line with its final figures, and rates restart with the new phase.
    public func report(_ progress: StateProgress) {
        let time = now()
        withState { state in
            if let previous = state.latest, previous.phase != progress.phase {
                emit(previous, at: time, final: true, &state)
                if state.lineOpen { write("\n") }
                state = RenderState(start: time)
            }
            state.latest = progress
            if let last = state.lastWrite, time - last < interval { return }
            if state.lastWrite == nil, time - state.start < interval { return }
            state.lastWrite = time
            emit(progress, at: time, final: false, &state)
        }
    }

    /// `report(_:)` as a handler to give a state source, a verifier or a genesis reader.
    public var handler: StateProgressHandler { { [self] in report($0) } }

    /// Writes a line of its own (e.g. the next step's title), closing an open progress line first.
    public func note(_ line: String) {
        withState { state in
            if state.lineOpen { write("\n") }
            state.lineOpen = false
            write(line + "\n")
        }
    }

    /// Writes the latest report as a final line, if there was any, and ends the open line; the next reports start
    /// a new phase.
    public func finish() {
        finish(onlyIfShown: false)
    }

    /// Like `finish()`, but writes the final line only when a line of this phase was written already: work quicker
    /// than one interval leaves no trace.
    public func finishIfShown() {
        finish(onlyIfShown: true)
    }

    private func finish(onlyIfShown: Bool) {
        let time = now()
        withState { state in
            if let latest = state.latest, !onlyIfShown || state.lastWrite != nil { emit(latest, at: time, final: true, &state) }
            if state.lineOpen { write("\n") }
            state = RenderState(start: time)
        }
    }

    /// Runs `body` with exclusive access to the render state.
    private func withState(_ body: (inout RenderState) -> Void) {
        renderState.withLock { body(&$0) }
    }

    private func emit(_ progress: StateProgress, at time: Double, final: Bool, _ state: inout RenderState) {
        let text = Self.line(progress, elapsed: time - state.start)
        switch style {
        case .terminal:
            write("\r" + text + "\u{1B}[K")
            state.lineOpen = true
        case .log:
            write(text + "\n")
        }
    }

    /// `accounts 123,456 (12,345/s), storage slots 7,890, 45.6%`; phases other than `accounts` lead with their name,
    /// and a phase that counts its own units (e.g. `tracing blocks 1,234 (56/s)`) shows their rate instead of the
    /// accounts'.
    public static func line(_ progress: StateProgress, elapsed: Double) -> String {
        func rate(_ count: Int) -> String {
            elapsed > 0 ? " (\(grouped(Int((Double(count) / elapsed).rounded())))/s)" : ""
        }
        var parts: [String] = []
        if progress.phase != "accounts" {
            parts.append(progress.phase + (progress.phaseUnits.map { " " + grouped($0) + rate($0) } ?? ""))
        }
        parts.append("accounts " + grouped(progress.accounts) + (progress.phaseUnits == nil ? rate(progress.accounts) : ""))
        parts.append("storage slots " + grouped(progress.storageSlots))
        if let fraction = progress.fraction {
            parts.append(String(format: "%.1f%%", min(1, max(0, fraction)) * 100))
        }
        return parts.joined(separator: ", ")
    }

    /// `1234567` → `1,234,567`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// Seconds on a monotonic clock.
    public static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}
