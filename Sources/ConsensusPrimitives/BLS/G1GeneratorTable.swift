import EthereumPrimitives
/// Fixed-base multiplication of the G1 generator with a precomputed table of 4-bit windows.
///
/// Entry [w][d-1] holds d·16^w·G (w in 0..<64, d in 1...15), in affine form, so k·G is at most 64 mixed
/// additions. The table (960 points) is built once, on first use.
enum G1GeneratorTable {
    private static let windowBits = 4
    private static let windowCount = 64
    private static let digitsPerWindow = (1 << windowBits) - 1

    private static let table: [G1Affine] = {
        var points = [G1Point]()
        points.reserveCapacity(windowCount * digitsPerWindow)
        var windowBase = G1Point(G1Affine.generator)
        for _ in 0..<windowCount {
            var multiple = windowBase
            for _ in 0..<digitsPerWindow {
                points.append(multiple)
                multiple = multiple + windowBase
            }
            windowBase = multiple  // 16·windowBase
        }
        return G1Point.batchAffine(points)
    }()

    /// scalar · G.
    static func multiplyGenerator(by scalar: UInt256) -> G1Point {
        let table = Self.table
        var result = G1Point.infinity
        let words = [scalar.limbs.3, scalar.limbs.2, scalar.limbs.1, scalar.limbs.0]  // least significant first
        for window in 0..<windowCount {
            let bit = window * windowBits
            let digit = Int((words[bit / 64] >> UInt64(bit % 64)) & 0xf)
            if digit != 0 { result = result + table[window * digitsPerWindow + digit - 1] }
        }
        return result
    }
}
