import Foundation

/// Removes the temporary folders of a run that is interrupted (SIGINT, SIGTERM), then exits with 128 + the signal
/// number, as a shell reports a death by that signal.
final class SignalCleanup: @unchecked Sendable {
    static let shared = SignalCleanup()

    private let lock = NSLock()
    private var paths: Set<String> = []
    private var sources: [any DispatchSourceSignal] = []

    /// Starts handling SIGINT and SIGTERM (once; later calls do nothing).
    func install() {
        lock.lock()
        defer { lock.unlock() }
        guard sources.isEmpty else { return }
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in interrupted(by: number) }
            source.resume()
            sources.append(source)
        }
    }

    /// Removes `url` (recursively) if the run is interrupted.
    func register(_ url: URL) {
        lock.lock()
        defer { lock.unlock() }
        paths.insert(url.path)
    }

    /// Stops watching `url`.
    func unregister(_ url: URL) {
        lock.lock()
        defer { lock.unlock() }
        paths.remove(url.path)
    }

    private func interrupted(by number: Int32) {
        lock.lock()
        let doomed = paths
        for path in doomed { try? FileManager.default.removeItem(atPath: path) }
        let name = number == SIGINT ? "interrupted" : "terminated"
        let removed = doomed.isEmpty ? "" : "; removed the partial snapshot"
        FileHandle.standardError.write(Data("\nerror: \(name)\(removed)\n".utf8))
        exit(128 + number)
    }
}
