import Foundation

/// The result of running an operation repeatedly for a while.
struct Timing {
    /// How many times the operation ran.
    let iterations: Int
    /// The wall-clock time those iterations took, in seconds.
    let wallSeconds: Double
    /// The CPU time the measuring thread spent on them, in seconds.
    let cpuSeconds: Double

    /// Operations per second of CPU time: what `openssl speed` reports by default, and steadier than wall-clock
    /// rates when other processes share the cores.
    var ratePerCPUSecond: Double { Double(iterations) / cpuSeconds }
}

/// Runs `operation` in batches of `batchSize` until at least `minimumSeconds` of wall-clock time have passed,
/// after one untimed batch to warm caches and branch predictors.
func measure(minimumSeconds: Double, batchSize: Int, _ operation: () -> Void) -> Timing {
    for _ in 0..<batchSize { operation() }
    let clock = ContinuousClock()
    let start = clock.now
    let cpuStart = threadCPUSeconds()
    var iterations = 0
    var elapsed = 0.0
    repeat {
        for _ in 0..<batchSize { operation() }
        iterations += batchSize
        elapsed = (clock.now - start).seconds
    } while elapsed < minimumSeconds
    return Timing(iterations: iterations, wallSeconds: elapsed, cpuSeconds: threadCPUSeconds() - cpuStart)
}

/// The CPU time the calling thread has used so far, in seconds.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Keeps `value` alive so the optimizer cannot drop the work that produced it.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// The process's peak resident set size so far, in bytes.
///
/// On Linux this is `VmHWM` from /proc/self/status: getrusage's `ru_maxrss` survives `execve`, so under `swift run`
/// it would report the peak of the `swift-run` process that exec'd the benchmark. Elsewhere it is `ru_maxrss`.
func peakResidentMemoryBytes() -> Int {
    #if os(Linux)
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
       let kilobytes = Int(line.dropFirst("VmHWM:".count).dropLast(" kB".count).trimmingCharacters(in: .whitespaces)) {
        return kilobytes * 1024
    }
    #endif
    var usage = rusage()
    #if canImport(Darwin)
    guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
    return Int(usage.ru_maxrss)  // bytes on Darwin
    #else
    guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
    return Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
    #endif
}

/// Resets the peak resident set size to the current one where the system allows it (Linux: `/proc/self/clear_refs`),
/// so a later `peakResidentMemoryBytes()` reports the peak of what follows; returns the current resident size.
@discardableResult
func resetPeakResidentMemory() -> Int {
    #if os(Linux)
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
       let kilobytes = Int(line.dropFirst("VmRSS:".count).dropLast(" kB".count).trimmingCharacters(in: .whitespaces)) {
        return kilobytes * 1024
    }
    #endif
    return peakResidentMemoryBytes()
}

/// The process's current resident set size in bytes (`VmRSS` on Linux; the peak elsewhere).
func residentMemoryBytes() -> Int {
    #if os(Linux)
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
       let kilobytes = Int(line.dropFirst("VmRSS:".count).dropLast(" kB".count).trimmingCharacters(in: .whitespaces)) {
        return kilobytes * 1024
    }
    #endif
    return peakResidentMemoryBytes()
}
