import Foundation

/// Default snapshot folder names: `<enclave or host>-<block number>-<UTC yyyyMMddTHHmmssZ>`.
enum SnapshotName {
    static func `default`(prefix: String, blockNumber: UInt64, createdAt: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return "\(sanitized(prefix))-\(blockNumber)-\(formatter.string(from: createdAt))"
    }

    /// `prefix` with every character other than letters, digits, `.`, `_` and `-` replaced by `-`, and no leading `.`.
    private static func sanitized(_ prefix: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        let cleaned = String(prefix.map { allowed.contains($0) ? $0 : "-" }).drop { $0 == "." }
        return cleaned.isEmpty ? "snapshot" : String(cleaned)
    }
}
