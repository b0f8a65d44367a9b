import EthereumPrimitives
// Fp addition, subtraction and Montgomery multiplication, unrolled over the six limbs so that they compile
// to straight-line register code (no loops, pointers or allocation). The hexadecimal literals are the limbs of p
// (`Fp.modulus`), least significant first.

extension Fp {
    static func + (lhs: Fp, rhs: Fp) -> Fp {
        // Both operands are below p < 2^381, so the sum fits in six limbs without a carry out.
        let (a, b) = (lhs.limbs, rhs.limbs)
        var carry: UInt64
        let s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64, s4: UInt64, s5: UInt64
        (s0, carry) = addWithCarry(a.0, b.0, 0)
        (s1, carry) = addWithCarry(a.1, b.1, carry)
        (s2, carry) = addWithCarry(a.2, b.2, carry)
        (s3, carry) = addWithCarry(a.3, b.3, carry)
        (s4, carry) = addWithCarry(a.4, b.4, carry)
        (s5, carry) = addWithCarry(a.5, b.5, carry)
        return Fp(montgomeryLimbs: subtractingModulusIfNeeded((s0, s1, s2, s3, s4, s5)))
    }

    static func - (lhs: Fp, rhs: Fp) -> Fp {
        let (a, b) = (lhs.limbs, rhs.limbs)
        var borrow: UInt64
        var d0: UInt64, d1: UInt64, d2: UInt64, d3: UInt64, d4: UInt64, d5: UInt64
        (d0, borrow) = subtractWithBorrow(a.0, b.0, 0)
        (d1, borrow) = subtractWithBorrow(a.1, b.1, borrow)
        (d2, borrow) = subtractWithBorrow(a.2, b.2, borrow)
        (d3, borrow) = subtractWithBorrow(a.3, b.3, borrow)
        (d4, borrow) = subtractWithBorrow(a.4, b.4, borrow)
        (d5, borrow) = subtractWithBorrow(a.5, b.5, borrow)
        if borrow != 0 {
            var carry: UInt64
            (d0, carry) = addWithCarry(d0, 0xb9fe_ffff_ffff_aaab, 0)
            (d1, carry) = addWithCarry(d1, 0x1eab_fffe_b153_ffff, carry)
            (d2, carry) = addWithCarry(d2, 0x6730_d2a0_f6b0_f624, carry)
            (d3, carry) = addWithCarry(d3, 0x6477_4b84_f385_12bf, carry)
            (d4, carry) = addWithCarry(d4, 0x4b1b_a7b6_434b_acd7, carry)
            d5 = d5 &+ 0x1a01_11ea_397f_e69a &+ carry
        }
        return Fp(montgomeryLimbs: (d0, d1, d2, d3, d4, d5))
    }

    /// Montgomery multiplication (CIOS). p's top limb is below 2^62, so the carry-free variant applies.
    static func * (lhs: Fp, rhs: Fp) -> Fp {
        let (a, b) = (lhs.limbs, rhs.limbs)
        var t0: UInt64 = 0, t1: UInt64 = 0, t2: UInt64 = 0, t3: UInt64 = 0, t4: UInt64 = 0, t5: UInt64 = 0
        var high: UInt64, carry: UInt64, m: UInt64
        // Row 0: t += a·b.0, then add m·p so the lowest limb vanishes and shift down one limb.
        (high, t0) = multiplyAdd(a.0, b.0, t0, 0)
        m = t0 &* inverseModulus
        carry = multiplyAdd(m, 0xb9fe_ffff_ffff_aaab, t0, 0).high
        (high, t1) = multiplyAdd(a.1, b.0, t1, high)
        (carry, t0) = multiplyAdd(m, 0x1eab_fffe_b153_ffff, t1, carry)
        (high, t2) = multiplyAdd(a.2, b.0, t2, high)
        (carry, t1) = multiplyAdd(m, 0x6730_d2a0_f6b0_f624, t2, carry)
        (high, t3) = multiplyAdd(a.3, b.0, t3, high)
        (carry, t2) = multiplyAdd(m, 0x6477_4b84_f385_12bf, t3, carry)
        (high, t4) = multiplyAdd(a.4, b.0, t4, high)
        (carry, t3) = multiplyAdd(m, 0x4b1b_a7b6_434b_acd7, t4, carry)
        (high, t5) = multiplyAdd(a.5, b.0, t5, high)
        (carry, t4) = multiplyAdd(m, 0x1a01_11ea_397f_e69a, t5, carry)
        t5 = carry &+ high
        // Row 1: t += a·b.1, then add m·p so the lowest limb vanishes and shift down one limb.
        (high, t0) = multiplyAdd(a.0, b.1, t0, 0)
        m = t0 &* inverseModulus
        carry = multiplyAdd(m, 0xb9fe_ffff_ffff_aaab, t0, 0).high
        (high, t1) = multiplyAdd(a.1, b.1, t1, high)
        (carry, t0) = multiplyAdd(m, 0x1eab_fffe_b153_ffff, t1, carry)
        (high, t2) = multiplyAdd(a.2, b.1, t2, high)
        (carry, t1) = multiplyAdd(m, 0x6730_d2a0_f6b0_f624, t2, carry)
        (high, t3) = multiplyAdd(a.3, b.1, t3, high)
        (carry, t2) = multiplyAdd(m, 0x6477_4b84_f385_12bf, t3, carry)
        (high, t4) = multiplyAdd(a.4, b.1, t4, high)
        (carry, t3) = multiplyAdd(m, 0x4b1b_a7b6_434b_acd7, t4, carry)
        (high, t5) = multiplyAdd(a.5, b.1, t5, high)
        (carry, t4) = multiplyAdd(m, 0x1a01_11ea_397f_e69a, t5, carry)
        t5 = carry &+ high
        // Row 2: t += a·b.2, then add m·p so the lowest limb vanishes and shift down one limb.
        (high, t0) = multiplyAdd(a.0, b.2, t0, 0)
        m = t0 &* inverseModulus
        carry = multiplyAdd(m, 0xb9fe_ffff_ffff_aaab, t0, 0).high
        (high, t1) = multiplyAdd(a.1, b.2, t1, high)
        (carry, t0) = multiplyAdd(m, 0x1eab_fffe_b153_ffff, t1, carry)
        (high, t2) = multiplyAdd(a.2, b.2, t2, high)
        (carry, t1) = multiplyAdd(m, 0x6730_d2a0_f6b0_f624, t2, carry)
        (high, t3) = multiplyAdd(a.3, b.2, t3, high)
        (carry, t2) = multiplyAdd(m, 0x6477_4b84_f385_12bf, t3, carry)
        (high, t4) = multiplyAdd(a.4, b.2, t4, high)
        (carry, t3) = multiplyAdd(m, 0x4b1b_a7b6_434b_acd7, t4, carry)
        (high, t5) = multiplyAdd(a.5, b.2, t5, high)
        (carry, t4) = multiplyAdd(m, 0x1a01_11ea_397f_e69a, t5, carry)
        t5 = carry &+ high
        // Row 3: t += a·b.3, then add m·p so the lowest limb vanishes and shift down one limb.
        (high, t0) = multiplyAdd(a.0, b.3, t0, 0)
        m = t0 &* inverseModulus
        carry = multiplyAdd(m, 0xb9fe_ffff_ffff_aaab, t0, 0).high
        (high, t1) = multiplyAdd(a.1, b.3, t1, high)
        (carry, t0) = multiplyAdd(m, 0x1eab_fffe_b153_ffff, t1, carry)
        (high, t2) = multiplyAdd(a.2, b.3, t2, high)
        (carry, t1) = multiplyAdd(m, 0x6730_d2a0_f6b0_f624, t2, carry)
        (high, t3) = multiplyAdd(a.3, b.3, t3, high)
        (carry, t2) = multiplyAdd(m, 0x6477_4b84_f385_12bf, t3, carry)
        (high, t4) = multiplyAdd(a.4, b.3, t4, high)
        (carry, t3) = multiplyAdd(m, 0x4b1b_a7b6_434b_acd7, t4, carry)
        (high, t5) = multiplyAdd(a.5, b.3, t5, high)
        (carry, t4) = multiplyAdd(m, 0x1a01_11ea_397f_e69a, t5, carry)
        t5 = carry &+ high
        // Row 4: t += a·b.4, then add m·p so the lowest limb vanishes and shift down one limb.
        (high, t0) = multiplyAdd(a.0, b.4, t0, 0)
        m = t0 &* inverseModulus
        carry = multiplyAdd(m, 0xb9fe_ffff_ffff_aaab, t0, 0).high
        (high, t1) = multiplyAdd(a.1, b.4, t1, high)
        (carry, t0) = multiplyAdd(m, 0x1eab_fffe_b153_ffff, t1, carry)
        (high, t2) = multiplyAdd(a.2, b.4, t2, high)
        (carry, t1) = multiplyAdd(m, 0x6730_d2a0_f6b0_f624, t2, carry)
        (high, t3) = multiplyAdd(a.3, b.4, t3, high)
        (carry, t2) = multiplyAdd(m, 0x6477_4b84_f385_12bf, t3, carry)
        (high, t4) = multiplyAdd(a.4, b.4, t4, high)
        (carry, t3) = multiplyAdd(m, 0x4b1b_a7b6_434b_acd7, t4, carry)
        (high, t5) = multiplyAdd(a.5, b.4, t5, high)
        (carry, t4) = multiplyAdd(m, 0x1a01_11ea_397f_e69a, t5, carry)
        t5 = carry &+ high
        // Row 5: t += a·b.5, then add m·p so the lowest limb vanishes and shift down one limb.
        (high, t0) = multiplyAdd(a.0, b.5, t0, 0)
        m = t0 &* inverseModulus
        carry = multiplyAdd(m, 0xb9fe_ffff_ffff_aaab, t0, 0).high
        (high, t1) = multiplyAdd(a.1, b.5, t1, high)
        (carry, t0) = multiplyAdd(m, 0x1eab_fffe_b153_ffff, t1, carry)
        (high, t2) = multiplyAdd(a.2, b.5, t2, high)
        (carry, t1) = multiplyAdd(m, 0x6730_d2a0_f6b0_f624, t2, carry)
        (high, t3) = multiplyAdd(a.3, b.5, t3, high)
        (carry, t2) = multiplyAdd(m, 0x6477_4b84_f385_12bf, t3, carry)
        (high, t4) = multiplyAdd(a.4, b.5, t4, high)
        (carry, t3) = multiplyAdd(m, 0x4b1b_a7b6_434b_acd7, t4, carry)
        (high, t5) = multiplyAdd(a.5, b.5, t5, high)
        (carry, t4) = multiplyAdd(m, 0x1a01_11ea_397f_e69a, t5, carry)
        t5 = carry &+ high
        return Fp(montgomeryLimbs: subtractingModulusIfNeeded((t0, t1, t2, t3, t4, t5)))
    }

    /// value - p if value ≥ p, else value (for value < 2p).
    @inline(__always)
    static func subtractingModulusIfNeeded(_ value: Limbs) -> Limbs {
        var borrow: UInt64
        let d0: UInt64, d1: UInt64, d2: UInt64, d3: UInt64, d4: UInt64, d5: UInt64
        (d0, borrow) = subtractWithBorrow(value.0, 0xb9fe_ffff_ffff_aaab, 0)
        (d1, borrow) = subtractWithBorrow(value.1, 0x1eab_fffe_b153_ffff, borrow)
        (d2, borrow) = subtractWithBorrow(value.2, 0x6730_d2a0_f6b0_f624, borrow)
        (d3, borrow) = subtractWithBorrow(value.3, 0x6477_4b84_f385_12bf, borrow)
        (d4, borrow) = subtractWithBorrow(value.4, 0x4b1b_a7b6_434b_acd7, borrow)
        (d5, borrow) = subtractWithBorrow(value.5, 0x1a01_11ea_397f_e69a, borrow)
        return borrow != 0 ? value : (d0, d1, d2, d3, d4, d5)
    }
}

/// a·b + c + d as a 128-bit (high, low) pair; it cannot overflow.
@inline(__always)
private func multiplyAdd(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> (high: UInt64, low: UInt64) {
    let (high, low) = a.multipliedFullWidth(by: b)
    let (sum1, carry1) = low.addingReportingOverflow(c)
    let (sum2, carry2) = sum1.addingReportingOverflow(d)
    return (high &+ (carry1 ? 1 : 0) &+ (carry2 ? 1 : 0), sum2)
}

/// a + b + carry, with the outgoing carry (0 or 1).
@inline(__always)
private func addWithCarry(_ a: UInt64, _ b: UInt64, _ carry: UInt64) -> (sum: UInt64, carry: UInt64) {
    let (sum1, carry1) = a.addingReportingOverflow(b)
    let (sum2, carry2) = sum1.addingReportingOverflow(carry)
    return (sum2, (carry1 ? 1 : 0) | (carry2 ? 1 : 0))
}

/// a - b - borrow, with the outgoing borrow (0 or 1).
@inline(__always)
private func subtractWithBorrow(_ a: UInt64, _ b: UInt64, _ borrow: UInt64) -> (difference: UInt64, borrow: UInt64) {
    let (difference1, borrow1) = a.subtractingReportingOverflow(b)
    let (difference2, borrow2) = difference1.subtractingReportingOverflow(borrow)
    return (difference2, (borrow1 ? 1 : 0) | (borrow2 ? 1 : 0))
}
