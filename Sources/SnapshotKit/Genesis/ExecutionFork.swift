/// The execution-layer forks a geth-style chain config schedules, in activation order.
///
/// Forks up to the merge are scheduled by block number (`<name>Block`), later ones by timestamp (`<name>Time`).
public enum ExecutionFork: String, CaseIterable, Sendable {
    case homestead, daoFork, eip150, eip155, eip158, byzantium, constantinople, petersburg, istanbul, muirGlacier
    case berlin, london, arrowGlacier, grayGlacier, mergeNetsplit
    case shanghai, cancun, prague, osaka, bpo1, bpo2, bpo3, bpo4, bpo5, amsterdam, bogota

    /// Whether the fork is scheduled by timestamp rather than block number.
    public var isTimeBased: Bool {
        switch self {
        case .shanghai, .cancun, .prague, .osaka, .bpo1, .bpo2, .bpo3, .bpo4, .bpo5, .amsterdam, .bogota: true
        default: false
        }
    }

    /// The chain config key that schedules the fork, e.g. `londonBlock`, `shanghaiTime`.
    public var configKey: String { rawValue + (isTimeBased ? "Time" : "Block") }
}

/// One fork activation found in a chain config: any `<name>Block` or `<name>Time` member with a numeric value,
/// known to `ExecutionFork` or not (so the forks of tomorrow and of other chains are carried along).
public struct ForkActivation: Sendable, Equatable {
    /// What triggers the fork.
    public enum Trigger: Sendable, Equatable {
        /// Active from this block number on.
        case block(UInt64)
        /// Active from this block timestamp on (and only once London is active, as geth rules).
        case timestamp(UInt64)
    }

    /// The fork's name: the key without its `Block`/`Time` suffix, e.g. `london`, `bpo1`.
    public let name: String
    /// The config key as written, e.g. `londonBlock`.
    public let key: String
    public let trigger: Trigger

    public init(name: String, key: String, trigger: Trigger) {
        self.name = name
        self.key = key
        self.trigger = trigger
    }

    /// The `ExecutionFork` this activation schedules, if it is one geth knows.
    public var fork: ExecutionFork? { ExecutionFork.allCases.first { $0.configKey.lowercased() == key.lowercased() } }
}
