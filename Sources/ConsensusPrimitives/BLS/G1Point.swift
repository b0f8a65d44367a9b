import EthereumPrimitives
/// A point of the BLS12-381 curve E(Fp) in Jacobian coordinates: (X, Y, Z) stands for (X/Z², Y/Z³); Z = 0 is
/// the point at infinity. Formulas from the Explicit-Formulas Database for a = 0 curves
/// (dbl-2009-l, add-2007-bl, madd-2007-bl).
struct G1Point: Sendable {
    var x: Fp
    var y: Fp
    var z: Fp

    static let infinity = G1Point(x: .one, y: .one, z: .zero)

    init(x: Fp, y: Fp, z: Fp) {
        self.x = x
        self.y = y
        self.z = z
    }

    init(_ affine: G1Affine) {
        self = affine.isInfinity ? .infinity : G1Point(x: affine.x, y: affine.y, z: .one)
    }

    var isInfinity: Bool { z.isZero }

    var doubled: G1Point {
        if isInfinity { return self }
        let a = x.squared
        let b = y.squared
        let c = b.squared
        let d = ((x + b).squared - a - c).doubled
        let e = a.doubled + a
        let f = e.squared
        let x3 = f - d.doubled
        let eightC = c.doubled.doubled.doubled
        let y3 = e * (d - x3) - eightC
        let z3 = (y * z).doubled
        return G1Point(x: x3, y: y3, z: z3)
    }

    static func + (lhs: G1Point, rhs: G1Point) -> G1Point {
        if lhs.isInfinity { return rhs }
        if rhs.isInfinity { return lhs }
        let z1z1 = lhs.z.squared
        let z2z2 = rhs.z.squared
        let u1 = lhs.x * z2z2
        let u2 = rhs.x * z1z1
        let s1 = lhs.y * rhs.z * z2z2
        let s2 = rhs.y * lhs.z * z1z1
        let h = u2 - u1
        let r = (s2 - s1).doubled
        if h.isZero { return r.isZero ? lhs.doubled : .infinity }
        let i = h.doubled.squared
        let j = h * i
        let v = u1 * i
        let x3 = r.squared - j - v.doubled
        let y3 = r * (v - x3) - (s1 * j).doubled
        let z3 = ((lhs.z + rhs.z).squared - z1z1 - z2z2) * h
        return G1Point(x: x3, y: y3, z: z3)
    }

    /// Mixed addition with an affine point (cheaper than the general formula).
    static func + (lhs: G1Point, rhs: G1Affine) -> G1Point {
        if rhs.isInfinity { return lhs }
        if lhs.isInfinity { return G1Point(rhs) }
        let z1z1 = lhs.z.squared
        let u2 = rhs.x * z1z1
        let s2 = rhs.y * lhs.z * z1z1
        let h = u2 - lhs.x
        let r = (s2 - lhs.y).doubled
        if h.isZero { return r.isZero ? lhs.doubled : .infinity }
        let hh = h.squared
        let i = hh.doubled.doubled
        let j = h * i
        let v = lhs.x * i
        let x3 = r.squared - j - v.doubled
        let y3 = r * (v - x3) - (lhs.y * j).doubled
        let z3 = (lhs.z + h).squared - z1z1 - hh
        return G1Point(x: x3, y: y3, z: z3)
    }

    /// scalar · self by double-and-add over the scalar's bits, most significant first.
    func multiplied(by scalar: UInt256) -> G1Point {
        var result = G1Point.infinity
        for word in [scalar.limbs.0, scalar.limbs.1, scalar.limbs.2, scalar.limbs.3] {
            for bit in stride(from: 63, through: 0, by: -1) {
                result = result.doubled
                if (word >> UInt64(bit)) & 1 == 1 { result = result + self }
            }
        }
        return result
    }

    /// Whether the point lies in the order-r subgroup G1 (r·P is the point at infinity).
    var isInSubgroup: Bool { multiplied(by: ScalarField.order).isInfinity }

    var affine: G1Affine {
        if isInfinity { return .infinity }
        let zInverse = z.inverse
        let zInverseSquared = zInverse.squared
        return G1Affine(x: x * zInverseSquared, y: y * zInverseSquared * zInverse, isInfinity: false)
    }

    /// Converts many points to affine form with a single field inversion (Montgomery's trick).
    static func batchAffine(_ points: [G1Point]) -> [G1Affine] {
        var prefixProducts = [Fp]()
        prefixProducts.reserveCapacity(points.count)
        var running = Fp.one
        for point in points {
            prefixProducts.append(running)
            if !point.isInfinity { running = running * point.z }
        }
        var inverse = running.inverse
        var result = [G1Affine](repeating: .infinity, count: points.count)
        for index in points.indices.reversed() where !points[index].isInfinity {
            let point = points[index]
            let zInverse = inverse * prefixProducts[index]
            inverse = inverse * point.z
            let zInverseSquared = zInverse.squared
            result[index] = G1Affine(x: point.x * zInverseSquared, y: point.y * zInverseSquared * zInverse, isInfinity: false)
        }
        return result
    }
}

extension G1Point: Equatable {
    /// Equality of the represented points (not of the coordinates).
    static func == (lhs: G1Point, rhs: G1Point) -> Bool {
        if lhs.isInfinity || rhs.isInfinity { return lhs.isInfinity && rhs.isInfinity }
        let z1z1 = lhs.z.squared
        let z2z2 = rhs.z.squared
        return lhs.x * z2z2 == rhs.x * z1z1 && lhs.y * z2z2 * rhs.z == rhs.y * z1z1 * lhs.z
    }
}
