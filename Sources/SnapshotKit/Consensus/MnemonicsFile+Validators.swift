import Dispatch

/// A genesis validator derived from a mnemonic, with the signing key its keystore holds.
public struct DerivedValidator: Sendable {
    /// Position in `mnemonics.yaml` (entry index from 0).
    public let entry: Int
    /// The EIP-2334 key index i.
    public let keyIndex: UInt32
    /// The signing key at `m/12381/3600/i/0/0`.
    public let signingKey: BLSSecretKey
    /// The validator as it enters the genesis state.
    public let validator: GenesisValidator

    /// The signing key's path.
    public var signingPath: KeyPath { .validatorSigningKey(index: keyIndex) }
}

extension MnemonicsFile {
    /// Every entry's validators in file order, derived as eth-beacon-genesis does (`validators/mnemonic.go`):
    /// pubkey at `m/12381/3600/i/0/0`; with a `wd_prefix` other than `0x00` and a `wd_address`, credentials
    /// `0x01 ‖ 11 zero bytes ‖ address`, otherwise BLS credentials of the key at `wd_key_path` (default
    /// `m/12381/3600/i/0`); then the `wd_prefix` bytes overwrite the first byte(s). Keys are derived in parallel.
    ///
    /// Throws for a mnemonic that fails BIP-39 validation, malformed withdrawal fields, or a key that appears twice.
    public func deriveValidators() throws(ConsensusGenesisError) -> [DerivedValidator] {
        var derived: [DerivedValidator] = []
        derived.reserveCapacity(Int(validatorCount))
        for (index, source) in entries.enumerated() {
            derived += try Self.derive(source, entry: index)
        }
        var seen: Set<[UInt8]> = []
        for validator in derived where !seen.insert(validator.validator.pubkey).inserted {
            throw .duplicatePubkey(Hex.encode(validator.validator.pubkey))
        }
        return derived
    }

    private static func derive(_ source: MnemonicSource, entry: Int) throws(ConsensusGenesisError) -> [DerivedValidator] {
        let seed: [UInt8]
        do {
            seed = try Mnemonic(source.mnemonic).seed()
        } catch let error as MnemonicError {
            throw .invalidMnemonic(entry: entry, reason: error.description)
        } catch {
            throw .invalidMnemonic(entry: entry, reason: String(describing: error))
        }
        let credentials = try WithdrawalRule(source, entry: entry)
        let master: BLSSecretKey
        let customWithdrawalKey: BLSSecretKey?
        do {
            master = try EIP2333.deriveMasterSK(seed: seed)
            customWithdrawalKey =
                credentials.needsWithdrawalKey && !source.withdrawalKeyPath.isEmpty
                ? EIP2333.deriveSK(from: master, indices: try KeyPath(source.withdrawalKeyPath).indices) : nil
        } catch {
            throw .keyDerivation(entry: entry, reason: error.description)
        }
        let prefixKey = EIP2333.deriveSK(from: master, indices: KeyPath.validatorKeyPrefix.indices)
        let customCredentials = customWithdrawalKey?.publicKey.blsWithdrawalCredentials
        let count = Int(source.count)
        let start = UInt32(truncatingIfNeeded: source.start)
        let balance = source.balance > 0 ? source.balance : nil
        return [DerivedValidator](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            // Each iteration initializes its own element; no two iterations touch the same memory.
            nonisolated(unsafe) let first = buffer.baseAddress
            DispatchQueue.concurrentPerform(iterations: count) { offset in
                let keyIndex = start + UInt32(offset)
                let withdrawalKey = EIP2333.deriveSK(from: prefixKey, indices: [keyIndex, 0])
                let signingKey = EIP2333.deriveChildSK(parent: withdrawalKey, index: 0)
                let bls = credentials.needsWithdrawalKey
                    ? customCredentials ?? withdrawalKey.publicKey.blsWithdrawalCredentials : nil
                let validator = GenesisValidator(
                    pubkey: signingKey.publicKey.compressed, withdrawalCredentials: credentials.credentials(bls: bls),
                    balance: balance, status: source.status)
                (first! + offset).initialize(
                    to: DerivedValidator(entry: entry, keyIndex: keyIndex, signingKey: signingKey, validator: validator))
            }
            initializedCount = count
        }
    }
}

/// How an entry's withdrawal fields make credentials.
private struct WithdrawalRule: Sendable {
    /// The `wd_prefix` bytes, empty when none.
    let prefix: [UInt8]
    /// The 20-byte `wd_address` when the credentials are address-based.
    let address: [UInt8]?

    init(_ source: MnemonicSource, entry: Int) throws(ConsensusGenesisError) {
        func decode(_ text: String, field: String) throws(ConsensusGenesisError) -> [UInt8] {
            do { return try Hex.decode(text.replacingOccurrences(of: "0x", with: "")) } catch {
                throw .invalidMnemonics(reason: "entry \(entry) \(field): \(error.description)")
            }
        }
        prefix = source.withdrawalPrefix.isEmpty ? [] : try decode(source.withdrawalPrefix, field: "wd_prefix")
        if !source.withdrawalPrefix.isEmpty, source.withdrawalPrefix != "0x00", !source.withdrawalAddress.isEmpty {
            let address = try decode(source.withdrawalAddress, field: "wd_address")
            guard address.count == 20 else {
                throw .invalidMnemonics(
                    reason: "entry \(entry) wd_address: expected a 20-byte address, found \(address.count) bytes")
            }
            self.address = address
        } else {
            address = nil
        }
    }

    /// Whether the credentials come from a BLS withdrawal key.
    var needsWithdrawalKey: Bool { address == nil }

    /// The credentials, given the BLS ones when ``needsWithdrawalKey``.
    func credentials(bls: [UInt8]?) -> [UInt8] {
        var credentials = address.map { [0x01] + [UInt8](repeating: 0, count: 11) + $0 } ?? bls!
        for (offset, byte) in prefix.prefix(32).enumerated() { credentials[offset] = byte }
        return credentials
    }
}
