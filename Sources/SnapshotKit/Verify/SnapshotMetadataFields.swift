/// The fields of `metadata.json` the verifier compares against (see docs/snapshot-format.md).
struct SnapshotMetadataFields {
    let json: JSONValue

    /// Path → digest from `files`.
    var files: [String: String] {
        Dictionary((json["files"]?.objectValue ?? []).compactMap { member in member.value.stringValue.map { (member.key, $0) } },
                   uniquingKeysWith: { first, _ in first })
    }

    var sourceStateRoot: String? { json["source"]?["stateRoot"]?.stringValue }
    var executionStateRoot: String? { json["el"]?["stateRoot"]?.stringValue }
    var executionGenesisHash: String? { json["el"]?["genesisHash"]?.stringValue }
    var consensusFork: String? { json["cl"]?["fork"]?.stringValue }
    var consensusPreset: String? { json["cl"]?["preset"]?.stringValue }
    var validatorCount: Int? { json["cl"]?["validators"]?.scalarText.flatMap { Int($0) } }
    var genesisValidatorsRoot: String? { json["cl"]?["genesisValidatorsRoot"]?.stringValue }
    /// Where the validator keys are (`cl.layout`).
    var consensusLayout: ConsensusLayout? { ConsensusLayout(metadata: json["cl"]?["layout"]) }
}

extension [UInt8] {
    /// Whether these bytes equal the 0x hex `text` (letter case ignored); false for nil or malformed text.
    func matches(hex text: String?) -> Bool {
        guard let text, let bytes = try? [UInt8](hex: text) else { return false }
        return bytes == self
    }
}
