import SnapshotKit

/// Keccak-256 throughput for bulk (16 KiB) and small (32-byte) inputs, next to OpenSSL's SHA3-256 (the same
/// permutation and rate; only the padding byte differs).
struct KeccakBenchmark: BenchmarkSection {
    let name = "keccak"
    let summary = "Keccak-256 throughput, ours vs `openssl speed -evp sha3-256`"

    private let bulkSize = 16_384
    private let smallSize = 32
    private let secondsPerFigure = 2.0

    func run() throws {
        let bulk = bytesPerSecond(inputSize: bulkSize)
        let smallInto = hashesPerSecondWritingInto()
        let smallArray = hashesPerSecondReturningArrays()

        let openssl = OpenSSLSpeed.locateExecutable().map { OpenSSLSpeed(executable: $0, algorithm: "sha3-256") }
        let reference: (bulk: Double, small: Double)?
        if let openssl {
            reference = (
                try openssl.bytesPerSecond(blockSize: bulkSize),
                try openssl.bytesPerSecond(blockSize: smallSize) / Double(smallSize)
            )
        } else {
            print("openssl not found on PATH: printing our figures only")
            reference = nil
        }

        let rows: [(label: String, ours: String, theirs: String, ratio: String)] = [
            ("16 KiB inputs", Format.megabytesPerSecond(bulk),
             reference.map { Format.megabytesPerSecond($0.bulk) } ?? "-",
             reference.map { Format.ratio(bulk, to: $0.bulk) } ?? "-"),
            ("32 B, hash(_:into:)", Format.millionsPerSecond(smallInto, unit: "hashes"),
             reference.map { Format.millionsPerSecond($0.small, unit: "hashes") } ?? "-",
             reference.map { Format.ratio(smallInto, to: $0.small) } ?? "-"),
            ("32 B, hash(_:) -> [UInt8]", Format.millionsPerSecond(smallArray, unit: "hashes"),
             reference.map { Format.millionsPerSecond($0.small, unit: "hashes") } ?? "-",
             reference.map { Format.ratio(smallArray, to: $0.small) } ?? "-"),
        ]
        let header = ("input", "ours", "openssl sha3-256", "ours/openssl")
        for row in [header] + rows {
            print("  " + [row.0.padded(to: 26), row.1.padded(to: 18), row.2.padded(to: 18), row.3].joined())
        }
    }

    /// Bytes per second hashing `inputSize`-byte inputs with the non-allocating API.
    private func bytesPerSecond(inputSize: Int) -> Double {
        let input = (0..<inputSize).map { UInt8(truncatingIfNeeded: $0) }
        var digest = [UInt8](repeating: 0, count: Keccak256.digestByteCount)
        var checksum: UInt8 = 0
        let timing = input.withUnsafeBytes { source in
            digest.withUnsafeMutableBytes { target in
                measure(minimumSeconds: secondsPerFigure, batchSize: 64) {
                    Keccak256.hash(source, into: target)
                    checksum ^= target[0]
                }
            }
        }
        blackHole(checksum)
        return timing.rate * Double(inputSize)
    }

    /// 32-byte hashes per second with the non-allocating API.
    private func hashesPerSecondWritingInto() -> Double {
        let input = (0..<smallSize).map { UInt8(truncatingIfNeeded: $0) }
        var digest = [UInt8](repeating: 0, count: Keccak256.digestByteCount)
        var checksum: UInt8 = 0
        let timing = input.withUnsafeBytes { source in
            digest.withUnsafeMutableBytes { target in
                measure(minimumSeconds: secondsPerFigure, batchSize: 4096) {
                    Keccak256.hash(source, into: target)
                    checksum ^= target[0]
                }
            }
        }
        blackHole(checksum)
        return timing.rate
    }

    /// 32-byte hashes per second with the `[UInt8]` API (one array allocated per digest).
    private func hashesPerSecondReturningArrays() -> Double {
        let input = (0..<smallSize).map { UInt8(truncatingIfNeeded: $0) }
        var checksum: UInt8 = 0
        let timing = measure(minimumSeconds: secondsPerFigure, batchSize: 4096) {
            checksum ^= Keccak256.hash(input)[0]
        }
        blackHole(checksum)
        return timing.rate
    }
}

extension String {
    /// The string padded with spaces to `width` characters (never truncated).
    fileprivate func padded(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
