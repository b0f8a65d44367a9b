/// The genesis sync committee as eth-beacon-genesis computes it (`beaconutils/synccommittee.go`), which differs from
/// consensus-specs `get_next_sync_committee_indices`: the seed uses epoch 0 (the spec uses the next period's epoch)
/// and the Electra acceptance test compares with `MAX_EFFECTIVE_BALANCE` (the spec uses
/// `MAX_EFFECTIVE_BALANCE_ELECTRA`).
public enum GenesisSyncCommittee {
    /// The committee members' validator indices, in committee order (repeats allowed): `SYNC_COMMITTEE_SIZE` entries,
    /// or none when no validator is active.
    ///
    /// - Parameters:
    ///   - validators: the genesis registry.
    ///   - mix: the randao mix (the EL genesis block hash).
    ///   - electra: whether Electra is active at genesis (16-bit random values instead of bytes).
    ///   - domain: `DOMAIN_SYNC_COMMITTEE`.
    public static func indices(
        validators: [Validator], mix: [UInt8], preset: ConsensusPreset, electra: Bool,
        domain: [UInt8] = ConsensusConfig.defaultSyncCommitteeDomain
    ) -> [UInt64] {
        let active = GenesisSeed.activeIndices(validators)
        guard !active.isEmpty else { return [] }
        let seed = GenesisSeed.seed(domain: domain, epoch: 0, mix: mix)
        let shuffling = Shuffling(seed: seed, count: UInt64(active.count), rounds: preset.shuffleRoundCount)
        let size = preset.syncCommitteeSize
        let (valuesPerHash, randomMax): (UInt64, UInt64) = electra ? (16, 0xffff) : (32, 0xff)
        var members: [UInt64] = []
        members.reserveCapacity(size)
        var randomBytes: [UInt8] = []
        var index: UInt64 = 0
        while members.count < size {
            let candidate = active[Int(shuffling.shuffledIndex(index % UInt64(active.count)))]
            if index % valuesPerHash == 0 {
                randomBytes = GenesisSeed.sha256(seed + GenesisSeed.littleEndian(index / valuesPerHash))
            }
            let offset = Int(index % valuesPerHash)
            let random: UInt64 =
                electra
                ? UInt64(randomBytes[2 * offset]) | UInt64(randomBytes[2 * offset + 1]) << 8
                : UInt64(randomBytes[offset])
            // effective_balance * MAX_RANDOM >= MAX_EFFECTIVE_BALANCE * random, wrapping like Go's uint64.
            let balance = validators[Int(candidate)].effectiveBalance
            if balance &* randomMax >= preset.maxEffectiveBalance &* random { members.append(candidate) }
            index += 1
        }
        return members
    }

    /// The committee of these indices into `validators`: their pubkeys in order and the BLS G1 sum of them (repeats
    /// included). Throws for an empty committee or a pubkey that is not a valid G1 point.
    public static func committee(
        indices: [UInt64], validators: [Validator]
    ) throws(ConsensusGenesisError) -> SyncCommittee {
        guard !indices.isEmpty else { throw .noActiveValidators }
        var keys: [UInt64: BLSPublicKey] = [:]
        for index in Set(indices) {
            let pubkey = validators[Int(index)].pubkey
            do { keys[index] = try BLSPublicKey(compressed: pubkey) } catch {
                throw .invalidPubkey(Hex.encode(pubkey), reason: error.description)
            }
        }
        let aggregate = BLSPublicKey.aggregate(indices.map { keys[$0]! })
        return SyncCommittee(pubkeys: indices.map { validators[Int($0)].pubkey }, aggregatePubkey: aggregate.compressed)
    }
}
