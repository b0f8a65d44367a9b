extension ConsensusFork {
    /// The execution fork activated together with this one, as chain configs name it (`shanghai` for Capella,
    /// `cancun` for Deneb, `prague` for Electra, `osaka` for Fulu, `amsterdam` for Gloas); nil before Capella.
    public var executionForkName: String? {
        switch self {
        case .phase0, .altair, .bellatrix: nil
        case .capella: "shanghai"
        case .deneb: "cancun"
        case .electra: "prague"
        case .fulu: "osaka"
        case .gloas: "amsterdam"
        }
    }
}
