/// A validator of a genesis state before the registry rules are applied: its key, withdrawal credentials, balance and
/// status (eth-beacon-genesis `validators.Validator`).
public struct GenesisValidator: Sendable, Equatable {
    /// The 48-byte compressed BLS public key.
    public var pubkey: [UInt8]
    /// The 32-byte withdrawal credentials (first byte 0x00, 0x01, 0x02 …).
    public var withdrawalCredentials: [UInt8]
    /// The balance in Gwei; nil means `MAX_EFFECTIVE_BALANCE`.
    public var balance: UInt64?
    /// What the validator is at epoch 0.
    public var status: GenesisValidatorStatus

    public init(
        pubkey: [UInt8], withdrawalCredentials: [UInt8], balance: UInt64? = nil, status: GenesisValidatorStatus = .active
    ) {
        self.pubkey = pubkey
        self.withdrawalCredentials = withdrawalCredentials
        self.balance = balance
        self.status = status
    }
}

/// The registry rules of eth-beacon-genesis (`beaconutils/validators.go`).
public enum GenesisRegistry {
    /// The registry entry of each validator: effective balance = balance **not rounded** to
    /// `EFFECTIVE_BALANCE_INCREMENT`, capped at `MAX_EFFECTIVE_BALANCE_ELECTRA` for 0x02 credentials when Electra is at
    /// genesis, uncapped for 0x03 then, else capped at `MAX_EFFECTIVE_BALANCE`; an active validator is activated at
    /// epoch 0 iff its effective balance reaches `MAX_EFFECTIVE_BALANCE`; slashed and exited ones have every epoch 0.
    public static func validators(
        _ validators: [GenesisValidator], preset: ConsensusPreset, electraAtGenesis: Bool
    ) -> [Validator] {
        validators.map { validator in
            var effective = validator.balance ?? preset.maxEffectiveBalance
            let prefix = validator.withdrawalCredentials.first
            if electraAtGenesis, prefix == 0x02 {
                effective = min(effective, preset.maxEffectiveBalanceElectra)
            } else if !electraAtGenesis || prefix != 0x03 {
                effective = min(effective, preset.maxEffectiveBalance)
            }
            var entry = Validator(
                pubkey: validator.pubkey, withdrawalCredentials: validator.withdrawalCredentials,
                effectiveBalance: effective)
            switch validator.status {
            case .active:
                if effective >= preset.maxEffectiveBalance {
                    entry.activationEligibilityEpoch = 0
                    entry.activationEpoch = 0
                }
            case .slashed, .exited:
                entry.slashed = validator.status == .slashed
                entry.activationEligibilityEpoch = 0
                entry.activationEpoch = 0
                entry.exitEpoch = 0
                entry.withdrawableEpoch = 0
            }
            return entry
        }
    }

    /// The balances: the given balance, or `MAX_EFFECTIVE_BALANCE`.
    public static func balances(_ validators: [GenesisValidator], preset: ConsensusPreset) -> [UInt64] {
        validators.map { $0.balance ?? preset.maxEffectiveBalance }
    }
}
