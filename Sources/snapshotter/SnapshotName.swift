import Foundation
import SnapshotKit

/// Default snapshot folder names: `<enclave or host>-<block number>-<UTC yyyyMMddTHHmmssZ>`, the prefix cut so the
/// name fits `SnapshotWorkspace.maxNameBytes`.
enum SnapshotName {
    static func `default`(prefix: String, blockNumber: UInt64, createdAt: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let suffix = "-\(blockNumber)-\(formatter.string(from: createdAt))"
        // The sanitized prefix is ASCII: one byte a character.
        return "\(sanitized(prefix).prefix(SnapshotWorkspace.maxNameBytes - suffix.utf8.count))\(suffix)"
    }

    /// `prefix` with every character other than letters, digits, `.`, `_` and `-` replaced by `-`, and no leading `.`.
    private static func sanitized(_ prefix: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        let cleaned = String(prefix.map { allowed.contains($0) ? $0 : "-" }).drop { $0 == "." }
        return cleaned.isEmpty ? "snapshot" : String(cleaned)
    }
}
