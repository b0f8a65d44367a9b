/// Which validators a snapshot's genesis gets: by default the source's `mnemonics.yaml` entries cut to
/// ``defaultMaximum`` validators (one node runs them all), or another mnemonic and/or count.
public struct ValidatorSelection: Sendable, Equatable {
    /// A mnemonic replacing the source's (`--mnemonic`); nil keeps the source entries.
    public var mnemonic: String?
    /// The number of validators (`--validators`); nil means the source's count capped at ``defaultMaximum``
    /// (or ``defaultMaximum`` with ``mnemonic``).
    public var count: UInt64?

    /// The validator count a snapshot gets when none is given and the source has more: enough for every
    /// committee of the minimal preset and cheap for one validator client.
    public static let defaultMaximum: UInt64 = 64

    public init(mnemonic: String? = nil, count: UInt64? = nil) {
        self.mnemonic = mnemonic
        self.count = count
    }

    /// The `mnemonics.yaml` entries of the selection.
    ///
    /// * With ``mnemonic``: one entry, key indices from 0, with the withdrawal prefix and address of the source's first
    ///   entry (so 0x01/0x02 credentials keep paying the same address).
    /// * Otherwise the source entries in order, cut after ``count`` validators; a count above the source's extends
    ///   the last entry's key range.
    public func entries(from source: MnemonicsFile) throws(ConsensusGenesisError) -> MnemonicsFile {
        if count == 0 { throw .invalidValidatorSelection(reason: "the validator count must be at least 1") }
        if let mnemonic {
            let template = source.entries.first
            return MnemonicsFile(entries: [
                MnemonicSource(
                    mnemonic: mnemonic, name: "snapshot", start: 0, count: count ?? Self.defaultMaximum,
                    withdrawalAddress: template?.withdrawalAddress ?? "",
                    withdrawalPrefix: template?.withdrawalPrefix ?? "")
            ])
        }
        let wanted = count ?? min(source.validatorCount, Self.defaultMaximum)
        var remaining = wanted
        var entries: [MnemonicSource] = []
        for var entry in source.entries where remaining > 0 && entry.count > 0 {
            entry.count = min(entry.count, remaining)
            remaining -= entry.count
            entries.append(entry)
        }
        guard !entries.isEmpty else {
            throw .invalidValidatorSelection(reason: "the source mnemonics.yaml has no validators; pass a mnemonic")
        }
        entries[entries.count - 1].count += remaining
        return MnemonicsFile(entries: entries)
    }
}
