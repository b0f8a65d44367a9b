import EthereumPrimitives
/// A consensus-layer fork, in activation order.
///
/// The raw value is the lowercase fork name used by consensus-specs (`phase0`, `electra`, …).
public enum ConsensusFork: String, CaseIterable, Comparable, Sendable {
    case phase0, altair, bellatrix, capella, deneb, electra, fulu, gloas

    /// The fork before this one (nil for phase0).
    public var previous: ConsensusFork? {
        let all = Self.allCases
        let index = all.firstIndex(of: self)!
        return index == 0 ? nil : all[index - 1]
    }

    /// The config.yaml key holding this fork's version (`GENESIS_FORK_VERSION` for phase0).
    public var versionConfigKey: String {
        self == .phase0 ? "GENESIS_FORK_VERSION" : "\(rawValue.uppercased())_FORK_VERSION"
    }

    /// The config.yaml key holding this fork's activation epoch (nil for phase0, active from genesis).
    public var epochConfigKey: String? {
        self == .phase0 ? nil : "\(rawValue.uppercased())_FORK_EPOCH"
    }

    /// Whether ``BeaconState`` can represent a state of this fork (Electra and Fulu).
    public var hasBeaconStateSupport: Bool { self == .electra || self == .fulu }

    public static func < (lhs: ConsensusFork, rhs: ConsensusFork) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
