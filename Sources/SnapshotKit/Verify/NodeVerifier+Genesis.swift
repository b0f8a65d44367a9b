extension NodeVerifier {
    /// `node.chainId`: `eth_chainId` is the chain id of `el/genesis.json`'s config.
    func checkChainID(_ answer: JSONValue, _ genesis: Result<GenesisSummary, SnapshotVerificationError>) -> VerificationCheck {
        let name = "node.chainId"
        guard case .success(let genesis) = genesis else { return .failed(name, genesis.failureDescription) }
        guard let expected = genesis.parameters.config.chainId else {
            return .failed(name, "el/genesis.json has no config.chainId to compare the node's with")
        }
        guard let text = answer.stringValue, let chainID = Quantity.uint64(text: text) else {
            return .failed(name, "the node's eth_chainId answer \(JSONWriter.string(answer)) is not a hex quantity")
        }
        return chainID == expected
            ? .passed(name, "the node's chain id is \(chainID), el/genesis.json's")
            : .failed(name, "the node's chain id is \(chainID), but el/genesis.json's is \(expected): it runs another chain")
    }

    /// `node.genesisHash`: the node's block 0 hash is the hash of `el/genesis.json`'s genesis block and
    /// `metadata.json`'s `el.genesisHash`.
    func checkGenesisHash(
        _ block: NodeGenesisBlock, _ metadata: SnapshotMetadataFields, _ genesis: Result<GenesisSummary, SnapshotVerificationError>
    ) -> VerificationCheck {
        compare("node.genesisHash", field: "hash", block.hash, block,
                file: genesis.map { $0.header().hash() }, metadata: ("el.genesisHash", metadata.executionGenesisHash))
    }

    /// `node.stateRoot`: the node's block 0 state root is the state root of `el/genesis.json`'s alloc and
    /// `metadata.json`'s `el.stateRoot`.
    func checkStateRoot(
        _ block: NodeGenesisBlock, _ metadata: SnapshotMetadataFields, _ genesis: Result<GenesisSummary, SnapshotVerificationError>
    ) -> VerificationCheck {
        compare("node.stateRoot", field: "stateRoot", block.stateRoot, block,
                file: genesis.map(\.stateRoot), metadata: ("el.stateRoot", metadata.executionStateRoot))
    }

    /// Compares one 32-byte field of the node's block 0 with the value computed from `el/genesis.json` and the one
    /// recorded in `metadata.json`.
    private func compare(
        _ name: String, field: String, _ value: [UInt8]?, _ block: NodeGenesisBlock,
        file: Result<[UInt8], SnapshotVerificationError>, metadata: (key: String, value: String?)
    ) -> VerificationCheck {
        if let problem = block.problem { return .failed(name, problem) }
        guard let value else { return .failed(name, "the node's block 0 has no 32-byte \(field)") }
        var problems: [String] = []
        switch file {
        case .success(let expected) where expected != value: problems.append("el/genesis.json's is \(Hex.encode(expected))")
        case .success: break
        case .failure(let error): problems.append(error.description)
        }
        if !value.matches(hex: metadata.value) {
            problems.append("metadata.json \(metadata.key) is \(metadata.value ?? "(missing)")")
        }
        return problems.isEmpty
            ? .passed(name, "the node's block 0 \(field) is \(Hex.encode(value)), the snapshot's")
            : .failed(name, "the node's block 0 \(field) is \(Hex.encode(value)), but \(problems.joined(separator: " and "))")
    }
}
