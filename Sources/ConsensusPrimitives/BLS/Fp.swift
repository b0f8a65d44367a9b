import EthereumPrimitives
/// An element of the BLS12-381 base field Fp (p is a 381-bit prime), held in Montgomery form (x·2^384 mod p).
///
/// Six 64-bit limbs, least significant first, stored inline: arithmetic allocates nothing. Not constant time
/// (the keys this project handles are public devnet keys).
struct Fp: Sendable {
    typealias Limbs = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// The Montgomery representation, least significant limb first; always below p.
    var limbs: Limbs

    /// p = 0x1a0111ea…ffffaaab, least significant limb first.
    static let modulus: Limbs = (
        0xb9fe_ffff_ffff_aaab, 0x1eab_fffe_b153_ffff, 0x6730_d2a0_f6b0_f624,
        0x6477_4b84_f385_12bf, 0x4b1b_a7b6_434b_acd7, 0x1a01_11ea_397f_e69a
    )
    /// -p⁻¹ mod 2^64, the Montgomery reduction constant.
    static let inverseModulus: UInt64 = 0x89f3_fffc_fffc_fffd
    /// 2^768 mod p: multiplying by it moves a plain value into Montgomery form.
    private static let montgomeryRSquared: Limbs = (
        0xf4df_1f34_1c34_1746, 0x0a76_e6a6_09d1_04f1, 0x8de5_476c_4c95_b6d5,
        0x67eb_88a9_939d_83c0, 0x9a79_3e85_b519_952d, 0x1198_8fe5_92ca_e3aa
    )
    /// p - 2, the exponent of Fermat inversion.
    private static let inversionExponent: Limbs = (
        0xb9fe_ffff_ffff_aaa9, 0x1eab_fffe_b153_ffff, 0x6730_d2a0_f6b0_f624,
        0x6477_4b84_f385_12bf, 0x4b1b_a7b6_434b_acd7, 0x1a01_11ea_397f_e69a
    )
    /// (p + 1) / 4: since p ≡ 3 (mod 4), a^((p+1)/4) is a square root of a when one exists.
    private static let squareRootExponent: Limbs = (
        0xee7f_bfff_ffff_eaab, 0x07aa_ffff_ac54_ffff, 0xd9cc_34a8_3dac_3d89,
        0xd91d_d2e1_3ce1_44af, 0x92c6_e9ed_90d2_eb35, 0x0680_447a_8e5f_f9a6
    )
    /// (p - 1) / 2: a canonical value above it is "lexicographically largest" in the ZCash serialization.
    private static let halfModulus: Limbs = (
        0xdcff_7fff_ffff_d555, 0x0f55_ffff_58a9_ffff, 0xb398_6950_7b58_7b12,
        0xb23b_a5c2_79c2_895f, 0x258d_d3db_21a5_d66b, 0x0d00_88f5_1cbf_f34d
    )

    static let zero = Fp(montgomeryLimbs: (0, 0, 0, 0, 0, 0))
    /// 2^384 mod p, the Montgomery form of 1.
    static let one = Fp(montgomeryLimbs: (
        0x7609_0000_0002_fffd, 0xebf4_000b_c40c_0002, 0x5f48_9857_53c7_58ba,
        0x77ce_5853_7052_5745, 0x5c07_1a97_a256_ec6d, 0x15f6_5ec3_fa80_e493
    ))

    init(montgomeryLimbs: Limbs) { limbs = montgomeryLimbs }

    /// The field element equal to a small integer.
    init(_ value: UInt64) {
        self = Fp(montgomeryLimbs: (value, 0, 0, 0, 0, 0)) * Fp(montgomeryLimbs: Fp.montgomeryRSquared)
    }

    /// Reads a canonical 48-byte big-endian integer; nil if the input is not 48 bytes or the value is ≥ p.
    init?(bigEndian bytes: some Collection<UInt8>) {
        guard bytes.count == 48 else { return nil }
        var plain: Limbs = (0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &plain) { raw in
            let words = raw.bindMemory(to: UInt64.self)
            for (offset, byte) in bytes.enumerated() {
                let bit = 8 * (47 - offset)
                words[bit / 64] |= UInt64(byte) << UInt64(bit % 64)
            }
        }
        guard Fp.compare(plain, Fp.modulus) < 0 else { return nil }
        self = Fp(montgomeryLimbs: plain) * Fp(montgomeryLimbs: Fp.montgomeryRSquared)
    }

    /// The canonical value (not its Montgomery form), least significant limb first.
    var canonicalLimbs: Limbs { (self * Fp(montgomeryLimbs: (1, 0, 0, 0, 0, 0))).limbs }

    /// The canonical value as 48 big-endian bytes.
    var bigEndianBytes: [UInt8] {
        let plain = canonicalLimbs
        return withUnsafeBytes(of: plain) { raw in
            let words = raw.bindMemory(to: UInt64.self)
            return (0..<48).map { offset in
                let bit = 8 * (47 - offset)
                return UInt8(truncatingIfNeeded: words[bit / 64] >> UInt64(bit % 64))
            }
        }
    }

    var isZero: Bool {
        limbs.0 | limbs.1 | limbs.2 | limbs.3 | limbs.4 | limbs.5 == 0
    }

    /// Whether the canonical value exceeds (p-1)/2, the sign rule of the ZCash compressed encoding.
    var isLexicographicallyLargest: Bool { Fp.compare(canonicalLimbs, Fp.halfModulus) > 0 }

    static prefix func - (value: Fp) -> Fp { zero - value }

    var squared: Fp { self * self }

    var doubled: Fp { self + self }

    /// The multiplicative inverse (Fermat: a^(p-2)); zero maps to zero.
    var inverse: Fp { power(Fp.inversionExponent) }

    /// A square root, or nil when the element is not a square.
    var squareRoot: Fp? {
        let candidate = power(Fp.squareRootExponent)
        return candidate.squared == self ? candidate : nil
    }

    /// self^exponent by square-and-multiply over the exponent's bits, most significant first.
    private func power(_ exponent: Limbs) -> Fp {
        var result = Fp.one
        withUnsafeBytes(of: exponent) { raw in
            let words = raw.bindMemory(to: UInt64.self)
            for index in stride(from: 5, through: 0, by: -1) {
                for bit in stride(from: 63, through: 0, by: -1) {
                    result = result.squared
                    if (words[index] >> UInt64(bit)) & 1 == 1 { result = result * self }
                }
            }
        }
        return result
    }

    // MARK: - Limb helpers

    /// -1, 0 or 1 as lhs is below, equal to or above rhs (both little-endian limbs).
    private static func compare(_ lhs: Limbs, _ rhs: Limbs) -> Int {
        withUnsafeBytes(of: lhs) { lhsRaw in
            withUnsafeBytes(of: rhs) { rhsRaw in
                let a = lhsRaw.bindMemory(to: UInt64.self)
                let b = rhsRaw.bindMemory(to: UInt64.self)
                for index in stride(from: 5, through: 0, by: -1) where a[index] != b[index] {
                    return a[index] < b[index] ? -1 : 1
                }
                return 0
            }
        }
    }
}

extension Fp: Equatable {
    static func == (lhs: Fp, rhs: Fp) -> Bool {
        lhs.limbs.0 == rhs.limbs.0 && lhs.limbs.1 == rhs.limbs.1 && lhs.limbs.2 == rhs.limbs.2
            && lhs.limbs.3 == rhs.limbs.3 && lhs.limbs.4 == rhs.limbs.4 && lhs.limbs.5 == rhs.limbs.5
    }
}
