/// Where Lighthouse finds the consensus side of a snapshot, relative to the snapshot folder.
///
/// The beacon node and validator client take `--testnet-dir cl`; the validator client takes
/// `--validators-dir validators/keys --secrets-dir validators/secrets`.
enum LighthouseLayout {
    /// The testnet directory.
    static let testnetDirectory = "cl"
    static let config = "cl/config.yaml"
    static let genesisState = "cl/genesis.ssz"
    /// The EL block of the deposit contract (0: it is in the genesis alloc).
    static let depositContractBlock = "cl/deposit_contract_block.txt"
    /// The same, under the name older Lighthouse versions read.
    static let deployBlock = "cl/deploy_block.txt"

    /// `validators/keys/0x<pubkey>/voting-keystore.json`.
    static func keystore(pubkeyHex: String) -> String { "validators/keys/\(pubkeyHex)/voting-keystore.json" }

    /// `validators/secrets/0x<pubkey>`: the keystore password, no trailing newline.
    static func secret(pubkeyHex: String) -> String { "validators/secrets/\(pubkeyHex)" }
}
