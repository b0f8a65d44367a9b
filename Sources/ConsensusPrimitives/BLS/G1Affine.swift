import EthereumPrimitives
/// A point of the BLS12-381 curve E(Fp): y² = x³ + 4, in affine coordinates, or the point at infinity.
struct G1Affine: Sendable, Equatable {
    var x: Fp
    var y: Fp
    var isInfinity: Bool

    static let infinity = G1Affine(x: .zero, y: .zero, isInfinity: true)

    /// The standard generator of the order-r subgroup G1.
    static let generator = G1Affine(
        x: Fp(bigEndian: hexBytes("17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"))!,
        y: Fp(bigEndian: hexBytes("08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1"))!,
        isInfinity: false
    )

    /// b = 4, the constant of the curve equation.
    static let curveB = Fp(4)

    /// Whether the point satisfies y² = x³ + 4 (the point at infinity does).
    var isOnCurve: Bool {
        isInfinity || y.squared == x.squared * x + G1Affine.curveB
    }

    var negated: G1Affine { isInfinity ? self : G1Affine(x: x, y: -y, isInfinity: false) }

    private static func hexBytes(_ text: String) -> [UInt8] {
        // The literals above are fixed, well-formed constants.
        (try? [UInt8](hex: text)) ?? []
    }
}
