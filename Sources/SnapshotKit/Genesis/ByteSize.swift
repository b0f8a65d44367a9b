/// Byte counts in messages: whole MiB or KiB when exact, else bytes (`256 MiB`, `64 KiB`, `4000 bytes`).
enum ByteSize {
    static func text(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
