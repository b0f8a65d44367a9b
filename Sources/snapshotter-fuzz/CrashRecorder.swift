import Foundation
import Synchronization

/// Keeps a copy of the input being run where a signal handler can write it out: when the parser crashes (a trap,
/// a bad access) or hangs, the input is saved to `<out>/<target>-crash` / `-hang` / `-memory` for reproduction.
enum CrashRecorder {
    static let capacity = (1 << 20) + 64

    /// Prepares the files the handlers write, and installs the handlers and the watchdog thread.
    static func install(folder: URL, target: String, hangSeconds: Int, memoryLimit: Int) {
        crashPath = strdup(folder.appendingPathComponent("\(target)-crash").path)
        for number in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] { signal(number, recordCrash) }
        let hangPath = folder.appendingPathComponent("\(target)-hang").path
        let memoryPath = folder.appendingPathComponent("\(target)-memory").path
        Thread {
            var last = -1
            var stuck = 0
            while true {
                sleep(1)
                let now = iterations.load(ordering: .relaxed)
                stuck = now == last ? stuck + 1 : 0
                last = now
                if stuck >= hangSeconds { save(to: hangPath, why: "no progress for \(hangSeconds) s (a hang)", status: 71) }
                if residentBytes() > memoryLimit { save(to: memoryPath, why: "more than \(memoryLimit >> 20) MiB resident", status: 72) }
            }
        }.start()
    }

    /// Records `input` as the one being run.
    static func willRun(_ input: [UInt8]) {
        input.withUnsafeBufferPointer { source in
            buffer.update(from: source.baseAddress!, count: min(source.count, capacity))
        }
        length.store(min(input.count, capacity), ordering: .sequentiallyConsistent)
    }

    /// Counts a finished run (the watchdog's sign of progress).
    static func didRun() {
        iterations.add(1, ordering: .relaxed)
    }

    private static func save(to path: String, why: String, status: Int32) -> Never {
        let data = Data(bytes: buffer, count: length.load(ordering: .sequentiallyConsistent))
        try? data.write(to: URL(fileURLWithPath: path))
        FileHandle.standardError.write(Data("FOUND: \(why); input saved to \(path)\n".utf8))
        _exit(status)
    }

    private static func residentBytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = Int(statm.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

// The signal handler's state: plain memory it can read without locks or allocation.
nonisolated(unsafe) private let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: CrashRecorder.capacity)
private let length = Atomic<Int>(0)
private let iterations = Atomic<Int>(0)
nonisolated(unsafe) private var crashPath: UnsafeMutablePointer<CChar>?

/// Async-signal-safe: writes the current input to the crash file with `open`/`write`, then exits.
private func recordCrash(_ number: Int32) {
    if let crashPath {
        let file = open(crashPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if file >= 0 {
            _ = write(file, buffer, length.load(ordering: .sequentiallyConsistent))
            close(file)
        }
    }
    let message = "FOUND: a crash (signal); input saved next to the other findings\n"
    message.utf8CString.withUnsafeBufferPointer { _ = write(STDERR_FILENO, $0.baseAddress, $0.count - 1) }
    _exit(70)
}
