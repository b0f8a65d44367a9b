/// What a genesis state takes from `config.yaml`, read as eth-beacon-genesis reads it.
extension ConsensusConfig {
    /// `GENESIS_DELAY` when the config has none.
    public static let defaultGenesisDelay: UInt64 = 604_800
    /// `DOMAIN_SYNC_COMMITTEE` when the config has none.
    public static let defaultSyncCommitteeDomain: [UInt8] = [0x07, 0, 0, 0]
    /// `DOMAIN_BEACON_PROPOSER` when the config has none.
    public static let defaultBeaconProposerDomain: [UInt8] = [0, 0, 0, 0]

    /// The preset named by `PRESET_BASE`; throws for other presets and when the config changes a preset value.
    public func preset() throws(ConsensusGenesisError) -> ConsensusPreset {
        guard let name = string("PRESET_BASE"), !name.isEmpty else { throw .missingConfigKey("PRESET_BASE") }
        guard let preset = ConsensusPreset(named: name) else { throw .unknownPreset(name) }
        let constants = preset.valuesByName + [("FAR_FUTURE_EPOCH", ConsensusConstants.farFutureEpoch)]
        for (key, expected) in constants {
            if let value = uint64(key), value != expected {
                throw .presetOverride(key: key, value: value, preset: preset.name, expected: expected)
            }
        }
        return preset
    }

    /// The fork of the genesis state: the latest fork whose `*_FORK_EPOCH` is 0 (eth-beacon-genesis
    /// `GetGenesisForkVersion`). Throws when a fork without a supported state (Gloas, or a fork this tool does not
    /// know, such as `EIP7928_FORK_EPOCH: 0`) is at 0, or when the latest fork at 0 is older than Electra.
    public func genesisFork() throws(ConsensusGenesisError) -> ConsensusFork {
        for entry in entries where entry.key.hasSuffix(Self.forkEpochSuffix) && uint64(entry.key) == 0 {
            let name = String(entry.key.dropLast(Self.forkEpochSuffix.count))
            let fork = ConsensusFork.allCases.first { $0.epochConfigKey == entry.key }
            if fork == nil || fork! > .fulu { throw .unsupportedGenesisFork(name) }
        }
        let fork = ConsensusFork.allCases.last { $0.epochConfigKey.map(uint64) == 0 } ?? .phase0
        guard fork.hasBeaconStateSupport else { throw .genesisForkBeforeElectra(fork.rawValue) }
        return fork
    }

    /// Whether `ELECTRA_FORK_EPOCH` is 0: eth-beacon-genesis then caps compounding (0x02) validators at
    /// `MAX_EFFECTIVE_BALANCE_ELECTRA` and samples the sync committee with 16-bit random values.
    public var isElectraAtGenesis: Bool { uint64("ELECTRA_FORK_EPOCH") == 0 }

    /// The 4-byte version of `fork` (`GENESIS_FORK_VERSION` for phase0).
    public func forkVersion(of fork: ConsensusFork) throws(ConsensusGenesisError) -> [UInt8] {
        try fourBytes(fork.versionConfigKey, default: nil)
    }

    /// `genesis_time`: `MIN_GENESIS_TIME` (the EL genesis timestamp when 0 or absent) plus `GENESIS_DELAY`.
    public func genesisTime(executionTimestamp: UInt64) -> UInt64 {
        let minimum = uint64("MIN_GENESIS_TIME", default: 0)
        return (minimum == 0 ? executionTimestamp : minimum) &+ uint64("GENESIS_DELAY", default: Self.defaultGenesisDelay)
    }

    /// `DOMAIN_SYNC_COMMITTEE` (only a quoted `0x` string overrides the default, as in eth-beacon-genesis).
    public func syncCommitteeDomain() throws(ConsensusGenesisError) -> [UInt8] {
        try fourBytes("DOMAIN_SYNC_COMMITTEE", default: Self.defaultSyncCommitteeDomain)
    }

    /// `DOMAIN_BEACON_PROPOSER` (only a quoted `0x` string overrides the default, as in eth-beacon-genesis).
    public func beaconProposerDomain() throws(ConsensusGenesisError) -> [UInt8] {
        try fourBytes("DOMAIN_BEACON_PROPOSER", default: Self.defaultBeaconProposerDomain)
    }

    static let forkEpochSuffix = "_FORK_EPOCH"

    private func fourBytes(_ key: String, default defaultValue: [UInt8]?) throws(ConsensusGenesisError) -> [UInt8] {
        guard let bytes = try bytes(key) else {
            if let defaultValue { return defaultValue }
            if self[key] == nil { throw .missingConfigKey(key) }
            throw .invalidConfigValue(key: key, reason: "expected 4 bytes as 0x hex")
        }
        guard bytes.count == 4 else {
            throw .invalidConfigValue(key: key, reason: "expected 4 bytes, found \(bytes.count)")
        }
        return bytes
    }
}
