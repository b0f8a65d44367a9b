/// The consensus config of a snapshot: the source network's config with every fork active at the pinned block moved
/// to epoch 0 and the chain starting right away.
extension ConsensusConfig {
    /// The consensus fork the snapshot starts in: the latest fork whose execution counterpart
    /// (``ConsensusFork/executionForkName``) is among `activeExecutionForks` (names as chain configs spell them, any
    /// letter case).
    ///
    /// Throws ``ConsensusGenesisError/unsupportedExecutionFork(executionFork:consensusFork:)`` (the EL genesis, not
    /// config.yaml, decides) for Gloas (no supported state) and for anything before Electra.
    public static func snapshotGenesisFork(activeExecutionForks: [String]) throws(ConsensusGenesisError) -> ConsensusFork {
        let active = Set(activeExecutionForks.map { $0.lowercased() })
        let fork = ConsensusFork.allCases.last { $0.executionForkName.map(active.contains) == true } ?? .bellatrix
        guard fork <= .fulu, fork.hasBeaconStateSupport else {
            throw .unsupportedExecutionFork(executionFork: fork.executionForkName ?? "no fork after the merge",
                                            consensusFork: fork.rawValue)
        }
        return fork
    }

    /// This (source) config rewritten for a chain that starts from a pinned block's state:
    ///
    /// * every `*_FORK_EPOCH` of a fork up to the genesis fork (``snapshotGenesisFork(activeExecutionForks:)``) is 0
    ///   (added after its `*_FORK_VERSION` when missing), every later one 18446744073709551615; a fork this tool does
    ///   not know that is at epoch 0 in the source is an error (the pinned state would need it);
    /// * `MIN_GENESIS_TIME` is `genesisTime`, `GENESIS_DELAY` 0;
    /// * `SECONDS_PER_SLOT` and `SLOT_DURATION_MS` are both present and agree (`SLOT_DURATION_MS` wins, else
    ///   `SECONDS_PER_SLOT`, else the preset's network default);
    /// * `DEPOSIT_CHAIN_ID` and `DEPOSIT_NETWORK_ID` are the EL chain id;
    /// * `BLOB_SCHEDULE` matches the EL: with a blob-parameter-only fork (`bpoN`) active, one entry at epoch 0 with the
    ///   `max` of the latest active one from the EL genesis `blobSchedule` (as ethereum-genesis-generator writes a
    ///   shadow fork); otherwise empty, since the EL genesis carries no later fork either.
    ///
    /// Every other key keeps its value and place.
    public func rewrittenForSnapshot(
        activeExecutionForks: [String], execution: ExecutionGenesisBlock, genesisTime: UInt64
    ) throws(ConsensusGenesisError) -> ConsensusConfig {
        let preset = try preset()
        let genesisFork = try Self.snapshotGenesisFork(activeExecutionForks: activeExecutionForks)
        var config = self
        try config.setForkEpochs(genesisFork: genesisFork)
        config.set("MIN_GENESIS_TIME", to: .integer(genesisTime), after: "MIN_GENESIS_ACTIVE_VALIDATOR_COUNT")
        config.set("GENESIS_DELAY", to: .integer(0), after: "MIN_GENESIS_TIME")
        try config.setSlotDuration(preset: preset)
        guard let chainId = execution.parameters.config.chainId else {
            throw .invalidExecutionGenesis(reason: "config.chainId is missing")
        }
        config.set("DEPOSIT_CHAIN_ID", to: .integer(chainId), after: "DEPOSIT_CONTRACT_ADDRESS")
        config.set("DEPOSIT_NETWORK_ID", to: .integer(chainId), after: "DEPOSIT_CHAIN_ID")
        config["BLOB_SCHEDULE"] = try Self.blobSchedule(activeExecutionForks: activeExecutionForks, execution: execution)
        return config
    }

    private mutating func setForkEpochs(genesisFork: ConsensusFork) throws(ConsensusGenesisError) {
        let farFuture = ConsensusConfigValue.integer(ConsensusConstants.farFutureEpoch)
        for entry in entries where entry.key.hasSuffix(Self.forkEpochSuffix) {
            if let fork = ConsensusFork.allCases.first(where: { $0.epochConfigKey == entry.key }) {
                self[entry.key] = fork <= genesisFork ? .integer(0) : farFuture
            } else if uint64(entry.key) == 0 {
                throw .unsupportedGenesisFork(String(entry.key.dropLast(Self.forkEpochSuffix.count)))
            } else {
                self[entry.key] = farFuture
            }
        }
        for fork in ConsensusFork.allCases where fork <= genesisFork {
            guard let key = fork.epochConfigKey, self[key] == nil else { continue }
            set(key, to: .integer(0), after: fork.versionConfigKey)
        }
    }

    private mutating func setSlotDuration(preset: ConsensusPreset) throws(ConsensusGenesisError) {
        let milliseconds: UInt64
        if self["SLOT_DURATION_MS"] != nil {
            guard let value = uint64("SLOT_DURATION_MS") else {
                throw .invalidConfigValue(key: "SLOT_DURATION_MS", reason: "expected an integer")
            }
            milliseconds = value
        } else if let seconds = uint64("SECONDS_PER_SLOT") {
            milliseconds = seconds * 1000
        } else {
            milliseconds = preset.defaultSlotDurationMilliseconds
        }
        guard milliseconds > 0, milliseconds % 1000 == 0 else {
            throw .invalidConfigValue(
                key: "SLOT_DURATION_MS", reason: "\(milliseconds) is not a whole, non-zero number of seconds")
        }
        set("SECONDS_PER_SLOT", to: .integer(milliseconds / 1000), after: "GENESIS_DELAY")
        set("SLOT_DURATION_MS", to: .integer(milliseconds), after: "SECONDS_PER_SLOT")
    }

    private static func blobSchedule(
        activeExecutionForks: [String], execution: ExecutionGenesisBlock
    ) throws(ConsensusGenesisError) -> ConsensusConfigValue {
        let latest = activeExecutionForks.compactMap { name -> Int? in
            let lowered = name.lowercased()
            guard lowered.hasPrefix("bpo") else { return nil }
            return Int(lowered.dropFirst(3))
        }.max()
        guard let latest else { return .sequence([]) }
        let fork = "bpo\(latest)"
        let entry = execution.parameters.config.blobSchedule.first { $0.fork.lowercased() == fork }
        guard let max = entry?.max else {
            throw .invalidExecutionGenesis(reason: "config.blobSchedule has no max for \(fork), which is active")
        }
        return .sequence([
            .mapping([
                ConsensusConfigEntry(key: "EPOCH", value: .integer(0)),
                ConsensusConfigEntry(key: "MAX_BLOBS_PER_BLOCK", value: .integer(max)),
            ])
        ])
    }
}
