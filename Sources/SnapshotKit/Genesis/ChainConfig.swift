/// A geth-style chain config (`genesis.json`'s `config`): kept as ordered JSON so it can be carried over verbatim,
/// with typed accessors for what the tool reasons about. Keys are matched case-insensitively, as Go's decoder does.
public struct ChainConfig: Sendable, Equatable {
    /// The config object as read, member order and number text intact.
    public let json: JSONValue
    /// The `chainId`, if set.
    public let chainId: UInt64?
    /// The `terminalTotalDifficulty`, if set; zero means merged at genesis.
    public let terminalTotalDifficulty: UInt256?
    /// The `depositContractAddress`, if set.
    public let depositContractAddress: Address?
    /// The `blobSchedule` entries in document order (empty when absent).
    public let blobSchedule: [BlobScheduleEntry]
    /// Every fork activation (`<name>Block` / `<name>Time` with a numeric value) in document order.
    public let activations: [ForkActivation]

    /// A config with no member: no fork is active (a genesis without `config`, as in ethereum/tests' GenesisTests).
    public static let empty = try! ChainConfig(json: .object([]))

    /// Reads a config object; numeric members may be JSON numbers, decimal strings or `0x` hex strings.
    public init(json: JSONValue) throws(GenesisError) {
        guard let members = json.objectValue else {
            throw .invalidField(field: "config", reason: "expected an object")
        }
        self.json = json
        chainId = try Self.quantity(json, "chainId") { value, field throws(Quantity.ParseError) in try Quantity.uint64(value, field: field) }
        terminalTotalDifficulty = try Self.quantity(json, "terminalTotalDifficulty") { value, field throws(Quantity.ParseError) in
            try Quantity.uint256(value, field: field)
        }
        if let text = json["depositContractAddress"]?.stringValue {
            do { depositContractAddress = try Address(hex: text) } catch {
                throw .invalidField(field: "config.depositContractAddress", reason: error.description)
            }
        } else {
            depositContractAddress = nil
        }
        if let schedule = json["blobSchedule"], !schedule.isNull {
            blobSchedule = try BlobScheduleEntry.entries(from: schedule)
        } else {
            blobSchedule = []
        }
        var activations: [ForkActivation] = []
        for (key, value) in members {
            guard let activation = try Self.activation(key: key, value: value) else { continue }
            activations.append(activation)
        }
        self.activations = activations
    }

    /// The activation of `fork`, if the config schedules it.
    public func activation(of fork: ExecutionFork) -> ForkActivation? {
        activations.first { $0.fork == fork }
    }

    /// Whether `fork` is active at a block with this number and timestamp, by geth's rules: a block fork from its
    /// block on (Petersburg defaults to Constantinople's block), a time fork from its time on once London is active.
    public func isActive(_ fork: ExecutionFork, atBlock number: UInt64, timestamp: UInt64) -> Bool {
        if fork == .petersburg, activation(of: .petersburg) == nil {
            return isActive(.constantinople, atBlock: number, timestamp: timestamp)
        }
        guard let activation = activation(of: fork) else { return false }
        return isActive(activation, atBlock: number, timestamp: timestamp)
    }

    /// Whether `activation` is in effect at a block with this number and timestamp (time forks need London).
    public func isActive(_ activation: ForkActivation, atBlock number: UInt64, timestamp: UInt64) -> Bool {
        switch activation.trigger {
        case .block(let block): block <= number
        case .timestamp(let time): time <= timestamp && isActive(.london, atBlock: number, timestamp: timestamp)
        }
    }

    /// The scheduled forks in effect at a block with this number and timestamp, in document order.
    public func activeForks(atBlock number: UInt64, timestamp: UInt64) -> [ForkActivation] {
        activations.filter { isActive($0, atBlock: number, timestamp: timestamp) }
    }

    /// Whether the chain is proof-of-stake at that block (geth's `IsPostMerge`): merged at genesis
    /// (`terminalTotalDifficulty` 0), past `mergeNetsplitBlock`, or past `shanghaiTime`.
    public func isPostMerge(atBlock number: UInt64, timestamp: UInt64) -> Bool {
        if terminalTotalDifficulty?.isZero == true { return true }
        if case .block(let block)? = activation(of: .mergeNetsplit)?.trigger, block <= number { return true }
        if case .timestamp(let time)? = activation(of: .shanghai)?.trigger, time <= timestamp { return true }
        return false
    }

    // MARK: Reading

    private static func quantity<T>(
        _ json: JSONValue, _ key: String, _ parse: (JSONValue, String) throws(Quantity.ParseError) -> T
    ) throws(GenesisError) -> T? {
        guard let value = json[key], !value.isNull else { return nil }
        do { return try parse(value, "config.\(key)") } catch { throw .invalidQuantity(error) }
    }

    /// The activation a member declares, if it is one: a key ending in `Block` or `Time` (any letter case) after a
    /// name, with a numeric value. A known fork key with a non-numeric value is an error; other keys are not forks.
    static func activation(key: String, value: JSONValue) throws(GenesisError) -> ForkActivation? {
        let lowered = key.lowercased()
        let suffixCount: Int
        if lowered.hasSuffix("block"), lowered.count > 5 {
            suffixCount = 5
        } else if lowered.hasSuffix("time"), lowered.count > 4 {
            suffixCount = 4
        } else {
            return nil
        }
        if value.isNull { return nil }
        let isKnown = ExecutionFork.allCases.contains { $0.configKey.lowercased() == lowered }
        let number: UInt64
        do {
            number = try Quantity.uint64(value, field: "config.\(key)")
        } catch {
            if isKnown { throw .invalidQuantity(error) }
            return nil
        }
        let name = String(key.dropLast(suffixCount))
        return ForkActivation(name: name, key: key, trigger: suffixCount == 5 ? .block(number) : .timestamp(number))
    }
}
