extension SnapshotVerifier {
    /// `el.stateRoot`: the alloc's state root is the source block's (`source.stateRoot`) and `el.stateRoot`.
    func checkStateRoot(
        _ metadata: SnapshotMetadataFields, _ execution: Result<GenesisSummary, SnapshotVerificationError>
    ) -> VerificationCheck {
        let name = "el.stateRoot"
        guard case .success(let genesis) = execution else { return .failed(name, execution.failureDescription) }
        let root = genesis.stateRoot
        var problems: [String] = []
        if !root.matches(hex: metadata.sourceStateRoot) {
            problems.append("source.stateRoot \(metadata.sourceStateRoot ?? "(missing)")")
        }
        if !root.matches(hex: metadata.executionStateRoot) {
            problems.append("el.stateRoot \(metadata.executionStateRoot ?? "(missing)")")
        }
        return problems.isEmpty
            ? .passed(name, "state root of the \(genesis.accounts) alloc accounts is \(Hex.encode(root)), the source block's")
            : .failed(name, "state root of el/genesis.json's alloc is \(Hex.encode(root)), but metadata.json has \(problems.joined(separator: " and "))")
    }

    /// `el.genesisHash`: the EL genesis block hash is `el.genesisHash` and the `block_hash` of the genesis state's
    /// execution payload header (and its `eth1_data.block_hash`).
    func checkGenesisHash(
        _ metadata: SnapshotMetadataFields, _ execution: Result<GenesisSummary, SnapshotVerificationError>,
        _ consensus: Result<ConsensusGenesis, SnapshotVerificationError>
    ) -> VerificationCheck {
        let name = "el.genesisHash"
        guard case .success(let genesis) = execution else { return .failed(name, execution.failureDescription) }
        let hash = genesis.header().hash()
        var problems: [String] = []
        if !hash.matches(hex: metadata.executionGenesisHash) {
            problems.append("metadata.json el.genesisHash is \(metadata.executionGenesisHash ?? "(missing)")")
        }
        switch consensus {
        case .success(let cl):
            let header = cl.state.latestExecutionPayloadHeader.blockHash
            if header != hash { problems.append("genesis.ssz latest_execution_payload_header.block_hash is \(Hex.encode(header))") }
            let eth1 = cl.state.eth1Data.blockHash
            if eth1 != hash { problems.append("genesis.ssz eth1_data.block_hash is \(Hex.encode(eth1))") }
        case .failure(let error):
            problems.append(error.description)
        }
        return problems.isEmpty
            ? .passed(name, "EL genesis hash \(Hex.encode(hash)) is the genesis state's payload header block_hash and metadata's")
            : .failed(name, "EL genesis hash of el/genesis.json is \(Hex.encode(hash)), but \(problems.joined(separator: "; "))")
    }

    /// `cl.genesisState`: `genesis.ssz` decodes with the fork and preset of `config.yaml`, which agree with the
    /// metadata, as does the validator count; the state's fork version is the config's.
    func checkGenesisState(
        _ metadata: SnapshotMetadataFields, _ consensus: Result<ConsensusGenesis, SnapshotVerificationError>
    ) -> VerificationCheck {
        let name = "cl.genesisState"
        guard case .success(let cl) = consensus else { return .failed(name, consensus.failureDescription) }
        var problems: [String] = []
        if metadata.consensusFork?.lowercased() != cl.fork.rawValue {
            problems.append("config.yaml starts in \(cl.fork.rawValue) but metadata.json cl.fork is \(metadata.consensusFork ?? "(missing)")")
        }
        if metadata.consensusPreset != cl.state.preset.name {
            problems.append("config.yaml PRESET_BASE is \(cl.state.preset.name) but metadata.json cl.preset is \(metadata.consensusPreset ?? "(missing)")")
        }
        if metadata.validatorCount != cl.state.validators.count {
            problems.append("the state has \(cl.state.validators.count) validators but metadata.json cl.validators is \(metadata.validatorCount.map(String.init) ?? "(missing)")")
        }
        if let version = try? cl.config.forkVersion(of: cl.fork), cl.state.fork.currentVersion != version {
            problems.append("the state's fork version is \(Hex.encode(cl.state.fork.currentVersion)), config.yaml's \(cl.fork.versionConfigKey) is \(Hex.encode(version))")
        }
        return problems.isEmpty
            ? .passed(name, "\(cl.fork.rawValue) state of the \(cl.state.preset.name) preset with \(cl.state.validators.count) validators")
            : .failed(name, problems.joined(separator: "; "))
    }

    /// `cl.genesisValidatorsRoot`: the state's `genesis_validators_root` is the root of its validators and the
    /// metadata's.
    func checkGenesisValidatorsRoot(
        _ metadata: SnapshotMetadataFields, _ consensus: Result<ConsensusGenesis, SnapshotVerificationError>
    ) -> VerificationCheck {
        let name = "cl.genesisValidatorsRoot"
        guard case .success(let cl) = consensus else { return .failed(name, consensus.failureDescription) }
        let root = cl.state.genesisValidatorsRoot
        var problems: [String] = []
        if !root.matches(hex: metadata.genesisValidatorsRoot) {
            problems.append("metadata.json cl.genesisValidatorsRoot is \(metadata.genesisValidatorsRoot ?? "(missing)")")
        }
        let computed = Validator.registryRoot(cl.state.validators, preset: cl.state.preset)
        if computed != root { problems.append("the root of the state's validators is \(Hex.encode(computed))") }
        return problems.isEmpty
            ? .passed(name, "genesis_validators_root \(Hex.encode(root))")
            : .failed(name, "genesis.ssz genesis_validators_root is \(Hex.encode(root)), but \(problems.joined(separator: "; "))")
    }
}
