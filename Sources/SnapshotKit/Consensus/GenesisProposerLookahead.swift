/// Fulu's genesis `proposer_lookahead`: the proposers of the first `(MIN_SEED_LOOKAHEAD + 1) * SLOTS_PER_EPOCH` slots,
/// as eth-beacon-genesis computes them (`beaconutils/proposers.go`), equal to consensus-specs
/// `initialize_proposer_lookahead` at genesis (Electra `compute_proposer_index`).
public enum GenesisProposerLookahead {
    /// One proposer index per slot; empty when no validator is active.
    ///
    /// - Parameters:
    ///   - validators: the genesis registry.
    ///   - mix: the randao mix (the EL genesis block hash).
    ///   - domain: `DOMAIN_BEACON_PROPOSER`.
    public static func proposers(
        validators: [Validator], mix: [UInt8], preset: ConsensusPreset,
        domain: [UInt8] = ConsensusConfig.defaultBeaconProposerDomain
    ) -> [UInt64] {
        let active = GenesisSeed.activeIndices(validators)
        guard !active.isEmpty else { return [] }
        let slotsPerEpoch = UInt64(preset.slotsPerEpoch)
        return (0..<UInt64(preset.proposerLookaheadLength)).map { slot in
            let epochSeed = GenesisSeed.seed(domain: domain, epoch: slot / slotsPerEpoch, mix: mix)
            let seed = GenesisSeed.sha256(epochSeed + GenesisSeed.littleEndian(slot))
            return proposerIndex(active: active, validators: validators, seed: seed, preset: preset)
        }
    }

    /// Electra `compute_proposer_index`: the first shuffled candidate accepted with probability
    /// effective_balance / MAX_EFFECTIVE_BALANCE_ELECTRA, using 16-bit random values.
    static func proposerIndex(
        active: [UInt64], validators: [Validator], seed: [UInt8], preset: ConsensusPreset
    ) -> UInt64 {
        let shuffling = Shuffling(seed: seed, count: UInt64(active.count), rounds: preset.shuffleRoundCount)
        var randomBytes: [UInt8] = []
        var index: UInt64 = 0
        while true {
            let candidate = active[Int(shuffling.shuffledIndex(index % UInt64(active.count)))]
            if index % 16 == 0 { randomBytes = GenesisSeed.sha256(seed + GenesisSeed.littleEndian(index / 16)) }
            let offset = Int(index % 16)
            let random = UInt64(randomBytes[2 * offset]) | UInt64(randomBytes[2 * offset + 1]) << 8
            // Wrapping like Go's uint64, as eth-beacon-genesis computes it.
            if validators[Int(candidate)].effectiveBalance &* 0xffff >= preset.maxEffectiveBalanceElectra &* random {
                return candidate
            }
            index += 1
        }
    }
}
