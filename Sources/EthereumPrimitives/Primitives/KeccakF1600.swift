/// The Keccak-f[1600] permutation (FIPS 202, sections 3.2–3.3) on its 1600-bit state of 25 64-bit lanes.
///
/// Lane `aXY` is the lane at column X, row Y; in the state's byte string it occupies bytes 8·(X + 5Y) ..< 8·(X + 5Y) + 8,
/// little-endian. Each round is written out step by step (θ, ρ and π, χ, ι) over lanes held in local variables, so the
/// compiler can keep the state in registers; the body was generated mechanically from the specification's step
/// mappings, and the Keccak-256 tests check it against third-party digests.
///
/// Two standard speed-ups, both used by the Keccak team's optimized implementations ("Keccak implementation
/// overview"): θ's column parities `c0` … `c4` for the next round are computed right after χ, while the new lanes are
/// still at hand; and the lane-complementing transform: inside `permute()` the six lanes a10, a20, a31, a22, a23 and
/// a04 are held complemented (`~`), which lets χ use mostly `&` and `|` and saves most of its NOT operations. The
/// complement is undone before the state is written back.
struct KeccakF1600 {
    var a00: UInt64 = 0, a10: UInt64 = 0, a20: UInt64 = 0, a30: UInt64 = 0, a40: UInt64 = 0
    var a01: UInt64 = 0, a11: UInt64 = 0, a21: UInt64 = 0, a31: UInt64 = 0, a41: UInt64 = 0
    var a02: UInt64 = 0, a12: UInt64 = 0, a22: UInt64 = 0, a32: UInt64 = 0, a42: UInt64 = 0
    var a03: UInt64 = 0, a13: UInt64 = 0, a23: UInt64 = 0, a33: UInt64 = 0, a43: UInt64 = 0
    var a04: UInt64 = 0, a14: UInt64 = 0, a24: UInt64 = 0, a34: UInt64 = 0, a44: UInt64 = 0

    /// Applies the 24 rounds of Keccak-f[1600] to the state.
    mutating func permute() {
        var a00 = self.a00, a10 = ~self.a10, a20 = ~self.a20, a30 = self.a30, a40 = self.a40
        var a01 = self.a01, a11 = self.a11, a21 = self.a21, a31 = ~self.a31, a41 = self.a41
        var a02 = self.a02, a12 = self.a12, a22 = ~self.a22, a32 = self.a32, a42 = self.a42
        var a03 = self.a03, a13 = self.a13, a23 = ~self.a23, a33 = self.a33, a43 = self.a43
        var a04 = ~self.a04, a14 = self.a14, a24 = self.a24, a34 = self.a34, a44 = self.a44
        var c0 = a00 ^ a01 ^ a02 ^ a03 ^ a04
        var c1 = a10 ^ a11 ^ a12 ^ a13 ^ a14
        var c2 = a20 ^ a21 ^ a22 ^ a23 ^ a24
        var c3 = a30 ^ a31 ^ a32 ^ a33 ^ a34
        var c4 = a40 ^ a41 ^ a42 ^ a43 ^ a44
        for roundConstant in Self.roundConstants {
            // θ: d[x] = c[x - 1] ^ rot(c[x + 1], 1), with c[x] the parity of column x
            let d0 = c4 ^ c1.rotatedLeft(by: 1)
            let d1 = c0 ^ c2.rotatedLeft(by: 1)
            let d2 = c1 ^ c3.rotatedLeft(by: 1)
            let d3 = c2 ^ c4.rotatedLeft(by: 1)
            let d4 = c3 ^ c0.rotatedLeft(by: 1)
            // θ applied, then ρ (rotate lane (x, y) by r[x, y]) and π (move it to (y, 2x + 3y)): b = π(ρ(a ^ d))
            let b00 = a00 ^ d0
            let b10 = (a11 ^ d1).rotatedLeft(by: 44)
            let b20 = (a22 ^ d2).rotatedLeft(by: 43)
            let b30 = (a33 ^ d3).rotatedLeft(by: 21)
            let b40 = (a44 ^ d4).rotatedLeft(by: 14)
            let b01 = (a30 ^ d3).rotatedLeft(by: 28)
            let b11 = (a41 ^ d4).rotatedLeft(by: 20)
            let b21 = (a02 ^ d0).rotatedLeft(by: 3)
            let b31 = (a13 ^ d1).rotatedLeft(by: 45)
            let b41 = (a24 ^ d2).rotatedLeft(by: 61)
            let b02 = (a10 ^ d1).rotatedLeft(by: 1)
            let b12 = (a21 ^ d2).rotatedLeft(by: 6)
            let b22 = (a32 ^ d3).rotatedLeft(by: 25)
            let b32 = (a43 ^ d4).rotatedLeft(by: 8)
            let b42 = (a04 ^ d0).rotatedLeft(by: 18)
            let b03 = (a40 ^ d4).rotatedLeft(by: 27)
            let b13 = (a01 ^ d0).rotatedLeft(by: 36)
            let b23 = (a12 ^ d1).rotatedLeft(by: 10)
            let b33 = (a23 ^ d2).rotatedLeft(by: 15)
            let b43 = (a34 ^ d3).rotatedLeft(by: 56)
            let b04 = (a20 ^ d2).rotatedLeft(by: 62)
            let b14 = (a31 ^ d3).rotatedLeft(by: 55)
            let b24 = (a42 ^ d4).rotatedLeft(by: 39)
            let b34 = (a03 ^ d0).rotatedLeft(by: 41)
            let b44 = (a14 ^ d1).rotatedLeft(by: 2)
            // χ: a[x, y] = b[x, y] ^ (~b[x + 1, y] & b[x + 2, y]), rewritten for the complemented lanes; ι on a00
            a00 = b00 ^ (b10 | b20) ^ roundConstant
            a10 = b10 ^ (~b20 | b30)
            a20 = b20 ^ (b30 & b40)
            a30 = b30 ^ (b40 | b00)
            a40 = b40 ^ (b00 & b10)
            a01 = b01 ^ (b11 | b21)
            a11 = b11 ^ (b21 & b31)
            a21 = b21 ^ (b31 | ~b41)
            a31 = b31 ^ (b41 | b01)
            a41 = b41 ^ (b01 & b11)
            a02 = b02 ^ (b12 | b22)
            a12 = b12 ^ (b22 & b32)
            a22 = b22 ^ (~b32 & b42)
            a32 = ~b32 ^ (b42 | b02)
            a42 = b42 ^ (b02 & b12)
            a03 = b03 ^ (b13 & b23)
            a13 = b13 ^ (b23 | b33)
            a23 = b23 ^ (~b33 | b43)
            a33 = ~b33 ^ (b43 & b03)
            a43 = b43 ^ (b03 | b13)
            a04 = b04 ^ (~b14 & b24)
            a14 = ~b14 ^ (b24 | b34)
            a24 = b24 ^ (b34 & b44)
            a34 = b34 ^ (b44 | b04)
            a44 = b44 ^ (b04 & b14)
            // θ's column parities for the next round
            c0 = a00 ^ a01 ^ a02 ^ a03 ^ a04
            c1 = a10 ^ a11 ^ a12 ^ a13 ^ a14
            c2 = a20 ^ a21 ^ a22 ^ a23 ^ a24
            c3 = a30 ^ a31 ^ a32 ^ a33 ^ a34
            c4 = a40 ^ a41 ^ a42 ^ a43 ^ a44
        }
        self.a00 = a00; self.a10 = ~a10; self.a20 = ~a20; self.a30 = a30; self.a40 = a40
        self.a01 = a01; self.a11 = a11; self.a21 = a21; self.a31 = ~a31; self.a41 = a41
        self.a02 = a02; self.a12 = a12; self.a22 = ~a22; self.a32 = a32; self.a42 = a42
        self.a03 = a03; self.a13 = a13; self.a23 = ~a23; self.a33 = a33; self.a43 = a43
        self.a04 = ~a04; self.a14 = a14; self.a24 = a24; self.a34 = a34; self.a44 = a44
    }

    /// The ι step's round constants RC[0] … RC[23].
    private static let roundConstants: [UInt64] = [
        0x0000_0000_0000_0001, 0x0000_0000_0000_8082, 0x8000_0000_0000_808A, 0x8000_0000_8000_8000,
        0x0000_0000_0000_808B, 0x0000_0000_8000_0001, 0x8000_0000_8000_8081, 0x8000_0000_0000_8009,
        0x0000_0000_0000_008A, 0x0000_0000_0000_0088, 0x0000_0000_8000_8009, 0x0000_0000_8000_000A,
        0x0000_0000_8000_808B, 0x8000_0000_0000_008B, 0x8000_0000_0000_8089, 0x8000_0000_0000_8003,
        0x8000_0000_0000_8002, 0x8000_0000_0000_0080, 0x0000_0000_0000_800A, 0x8000_0000_8000_000A,
        0x8000_0000_8000_8081, 0x8000_0000_0000_8080, 0x0000_0000_8000_0001, 0x8000_0000_8000_8008,
    ]
}

extension UInt64 {
    /// The value rotated left by `count` bits (0 < `count` < 64).
    fileprivate func rotatedLeft(by count: UInt64) -> UInt64 {
        (self &<< count) | (self &>> (64 &- count))
    }
}
