import SnapshotKit

/// Where Lighthouse finds the consensus side of a snapshot, relative to the snapshot folder.
///
/// The beacon node and validator client take `--testnet-dir` (the network folder `cl`, where Lighthouse also reads
/// the deposit contract block); the validator client takes `--validators-dir validators/keys --secrets-dir
/// validators/secrets`, with one folder `0x<pubkey>` holding `voting-keystore.json` per key and the password in the
/// file `0x<pubkey>` (Lighthouse drops a trailing newline).
enum LighthouseLayout {
    static let consensus = ConsensusLayout(
        keystore: "validators/keys/\(ConsensusLayout.pubkeyPlaceholder)/voting-keystore.json",
        password: "validators/secrets/\(ConsensusLayout.pubkeyPlaceholder)",
        networkFiles: [
            // The EL block of the deposit contract (0: it is in the genesis alloc).
            .init(name: "deposit_contract_block.txt", contents: "0"),
            // The same, under the name older Lighthouse versions read.
            .init(name: "deploy_block.txt", contents: "0"),
        ])
}
