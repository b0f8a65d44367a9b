import EthereumPrimitives
/// The BLS12-381 scalar field: integers modulo the prime order r of G1 (a 255-bit number).
enum ScalarField {
    /// r = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001.
    static let order = UInt256(limbs: (0x73ed_a753_299d_7d48, 0x3339_d808_09a1_d805, 0x53bd_a402_fffe_5bfe, 0xffff_ffff_0000_0001))

    /// The big-endian integer `bytes` (any length) reduced modulo r, by binary long division.
    static func reduce(bigEndian bytes: [UInt8]) -> UInt256 {
        let modulus = [order.limbs.0, order.limbs.1, order.limbs.2, order.limbs.3]
        var remainder: [UInt64] = [0, 0, 0, 0]  // most significant first, always below r
        for byte in bytes {
            for bit in stride(from: 7, through: 0, by: -1) {
                // remainder < r < 2^255, so doubling it and adding one bit cannot overflow 256 bits.
                for index in 0..<3 { remainder[index] = remainder[index] << 1 | remainder[index + 1] >> 63 }
                remainder[3] = remainder[3] << 1 | UInt64((byte >> UInt8(bit)) & 1)
                if !remainder.lexicographicallyPrecedes(modulus) { subtract(modulus, from: &remainder) }
            }
        }
        return UInt256(limbs: (remainder[0], remainder[1], remainder[2], remainder[3]))
    }

    /// value -= subtrahend for most-significant-first limbs, given value ≥ subtrahend.
    private static func subtract(_ subtrahend: [UInt64], from value: inout [UInt64]) {
        var borrow = false
        for index in stride(from: 3, through: 0, by: -1) {
            let (partial, borrow1) = value[index].subtractingReportingOverflow(subtrahend[index])
            let (difference, borrow2) = partial.subtractingReportingOverflow(borrow ? 1 : 0)
            value[index] = difference
            borrow = borrow1 || borrow2
        }
    }
}
