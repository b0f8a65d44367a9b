import Foundation
import SnapshotKit
import Synchronization

/// Stops the tool when a terminal or a supervisor tells it to (SIGINT, SIGTERM, SIGHUP, SIGQUIT): removes the
/// temporary folder of a snapshot being assembled, kills the child processes, says so on stderr, then exits with
/// 128 + the signal number, as a shell reports a death by that signal.
///
/// The signal handler only records the signal and wakes a thread of its own, blocked in `read(2)` on a pipe; that
/// thread does the cleanup (``TerminationCleanup/stop()``). It does not depend on Dispatch's or Swift concurrency's
/// thread pools, which CPU-bound work (key derivation, hashing) can keep busy for minutes.
enum SignalCleanup {
    /// The signals that end the tool.
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Installs the handlers (once, at start; later calls do nothing).
    static func install() {
        guard wakePipe.load(ordering: .sequentiallyConsistent) < 0 else { return }
        _ = TerminationCleanup.shared  // initialised here, never in the signal handler
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        wakePipe.store(fds[1], ordering: .sequentiallyConsistent)
        let reader = fds[0]
        let thread = Thread {
            var byte: UInt8 = 0
            while read(reader, &byte, 1) < 0, errno == EINTR {}
            terminate(by: TerminationCleanup.shared.pendingSignal)
        }
        thread.name = "snapshotter.signals"
        thread.start()
        for number in signals { signal(number, handleSignal) }
    }

    /// Called before a normal exit: a signal that arrived after the work ended still exits with 128 + its number
    /// (the finished snapshot is kept).
    static func exitIfSignalled() {
        let number = TerminationCleanup.shared.pendingSignal
        if number != 0 { terminate(by: number) }
    }

    /// The cleanup, from the signal thread (or the main thread at exit); the first caller exits the process.
    private static func terminate(by number: Int32) -> Never {
        let removed = TerminationCleanup.shared.stop()
        let what = number == SIGINT ? "interrupted" : "stopped"
        let detail = removed ? "; removed the partial snapshot" : ""
        let line = "\nerror: \(what) by \(name(of: number))\(detail)\n"
        line.utf8CString.withUnsafeBufferPointer { buffer in
            _ = write(STDERR_FILENO, buffer.baseAddress, buffer.count - 1)
        }
        // `_exit`, not `exit`: other threads are still running, and must not see the process's globals torn down.
        _exit(128 + number)
    }

    private static func name(of number: Int32) -> String {
        switch number {
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        case SIGQUIT: "SIGQUIT"
        default: "signal \(number)"
        }
    }
}

/// The write end of the pipe that wakes the signal thread; -1 before `install()`.
private let wakePipe = Atomic<Int32>(-1)

/// The signal handler: async-signal-safe, it records the signal and writes one byte to the wake-up pipe.
private func handleSignal(_ number: Int32) {
    TerminationCleanup.shared.signalArrived(number)
    var byte: UInt8 = 1
    _ = write(wakePipe.load(ordering: .sequentiallyConsistent), &byte, 1)
}
