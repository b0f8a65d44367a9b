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
        let bulk = hashesPerSecondWritingInto(inputSize: bulkSize) * Double(bulkSize)
        let smallInto = hashesPerSecondWritingInto(inputSize: smallSize)
        let smallArray = hashesPerSecondReturningArrays(inputSize: smallSize)

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

        func row(_ label: String, ours: Double, theirs: Double?, as format: (Double) -> String) -> [String] {
            [label, format(ours), theirs.map(format) ?? "-", theirs.map { Format.ratio(ours, to: $0) } ?? "-"]
        }
        let perSecond = { Format.millionsPerSecond($0, unit: "hashes") }
        print("  rates per CPU second of the hashing thread (openssl speed, too, divides by its CPU time)")
        print(Format.table(
            header: ["input", "ours", "openssl sha3-256", "ours/openssl"],
            rows: [
                row("16 KiB inputs", ours: bulk, theirs: reference?.bulk, as: Format.megabytesPerSecond),
                row("32 B, hash(_:into:)", ours: smallInto, theirs: reference?.small, as: perSecond),
                row("32 B, hash(_:) -> [UInt8]", ours: smallArray, theirs: reference?.small, as: perSecond),
            ]))
    }

    /// Hashes per second of `inputSize`-byte inputs through the non-allocating `hash(_:into:)`.
    private func hashesPerSecondWritingInto(inputSize: Int) -> Double {
        let input = (0..<inputSize).map { UInt8(truncatingIfNeeded: $0) }
        var digest = [UInt8](repeating: 0, count: Keccak256.digestByteCount)
        var checksum: UInt8 = 0
        let timing = input.withUnsafeBytes { source in
            digest.withUnsafeMutableBytes { target in
                measure(minimumSeconds: secondsPerFigure, batchSize: batchSize(inputSize)) {
                    Keccak256.hash(source, into: target)
                    checksum ^= target[0]
                }
            }
        }
        blackHole(checksum)
        return timing.ratePerCPUSecond
    }

    /// Hashes per second of `inputSize`-byte inputs through the `[UInt8]` API (one array allocated per digest).
    private func hashesPerSecondReturningArrays(inputSize: Int) -> Double {
        let input = (0..<inputSize).map { UInt8(truncatingIfNeeded: $0) }
        var checksum: UInt8 = 0
        let timing = measure(minimumSeconds: secondsPerFigure, batchSize: batchSize(inputSize)) {
            checksum ^= Keccak256.hash(input)[0]
        }
        blackHole(checksum)
        return timing.ratePerCPUSecond
    }

    /// Hashes per timing batch: about 64 KiB of input, so a batch is long next to a clock read.
    private func batchSize(_ inputSize: Int) -> Int {
        max(16, 65_536 / inputSize)
    }
}
