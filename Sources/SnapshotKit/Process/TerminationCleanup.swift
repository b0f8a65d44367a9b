import Foundation
import Synchronization

/// What must be undone when the process is told to stop (SIGINT, SIGTERM, SIGHUP, SIGQUIT): the temporary folders of
/// snapshots being assembled, and the child processes still running.
///
/// Workspaces and subprocesses register here themselves. The signal handler of the tool calls ``stop()`` from a
/// thread of its own, whatever the rest of the process is doing. A workspace is renamed into place only through
/// ``commit(_:_:)``, under the same lock as ``stop()``: once stopping began there is no rename, and once the rename
/// happened the finished snapshot is no longer registered, so stopping never removes it.
public final class TerminationCleanup: Sendable {
    /// The one instance of the process.
    public static let shared = TerminationCleanup()

    private struct State {
        var folders: Set<String> = []
        /// Child process ids, with whether each leads its own process group.
        var children: [pid_t: Bool] = [:]
        var stopping = false
    }

    private let state = LockedState(State())
    private let signal = Atomic<Int32>(0)

    init() {}

    /// The first signal recorded with ``signalArrived(_:)``, 0 before any.
    public var pendingSignal: Int32 { signal.load(ordering: .sequentiallyConsistent) }

    /// Records that a termination signal arrived: from then on no workspace is committed. Async-signal-safe (one
    /// atomic operation), for a signal handler.
    public func signalArrived(_ number: Int32) {
        _ = signal.compareExchange(expected: 0, desired: number, ordering: .sequentiallyConsistent)
    }

    /// Removes `folder` (recursively) if the process is stopped. Refuses (returns false) once stopping began.
    @discardableResult
    public func register(folder: URL) -> Bool {
        state.withLock { state in
            guard !state.stopping else { return false }
            state.folders.insert(folder.path)
            return true
        }
    }

    /// Stops watching `folder`.
    public func unregister(folder: URL) {
        state.withLock { _ = $0.folders.remove(folder.path) }
    }

    /// Runs `rename`, then stops watching `folder`, unless stopping began; `false` when it was not run.
    public func commit(_ folder: URL, _ rename: () -> Result<Void, WorkspaceError>) -> Result<Bool, WorkspaceError> {
        state.withLock { state in
            guard !state.stopping, pendingSignal == 0 else { return .success(false) }
            let result = rename()
            if case .success = result { state.folders.remove(folder.path) }
            return result.map { true }
        }
    }

    /// Starts a child with `launch` (which returns its pid) and registers it to be killed if the process is stopped;
    /// `nil` without launching once stopping began.
    func launch(_ launch: () throws -> pid_t) rethrows -> pid_t? {
        try state.withLock { state in
            guard !state.stopping else { return nil }
            let pid = try launch()
            state.children[pid] = getpgid(pid) == pid
            return pid
        }
    }

    /// Forgets a child that exited.
    func exited(_ pid: pid_t) {
        state.withLock { _ = $0.children.removeValue(forKey: pid) }
    }

    /// Marks the process as stopping, kills every registered child (its whole process group where it leads one) and
    /// removes every registered folder. Returns whether a folder was removed.
    @discardableResult
    public func stop() -> Bool {
        state.withLock { state in
            state.stopping = true
            for (pid, leadsGroup) in state.children {
                _ = kill(leadsGroup ? -pid : pid, SIGKILL)
            }
            var removed = false
            for path in state.folders {
                // Twice: a thread still writing into the folder may have recreated part of it.
                for _ in 0..<2 where FileManager.default.fileExists(atPath: path) {
                    try? FileManager.default.removeItem(atPath: path)
                    removed = true
                }
            }
            return removed
        }
    }
}
