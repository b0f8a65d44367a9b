import Foundation

/// Text for the figures the benchmark prints.
enum Format {
    /// Bytes per second in MB/s (10^6 bytes), e.g. `612.3 MB/s`.
    static func megabytesPerSecond(_ bytesPerSecond: Double) -> String {
        String(format: "%.1f MB/s", bytesPerSecond / 1e6)
    }

    /// Operations per second in millions, e.g. `3.05 M hashes/s`.
    static func millionsPerSecond(_ perSecond: Double, unit: String) -> String {
        String(format: "%.2f M \(unit)/s", perSecond / 1e6)
    }

    /// A ratio such as `0.93x`.
    static func ratio(_ ours: Double, to theirs: Double) -> String {
        String(format: "%.2fx", ours / theirs)
    }

    /// A byte count in MiB, e.g. `12.4 MiB`.
    static func bytes(_ count: Int) -> String {
        String(format: "%.1f MiB", Double(count) / 1_048_576)
    }
}
