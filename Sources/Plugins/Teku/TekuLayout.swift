import SnapshotKit

/// Where Teku reads a snapshot's validator keys: `--validator-keys=<keys>:<passwords>` walks the keys folder and
/// expects, for every `<name>.json`, the password in `<passwords>/<name>.txt` (`KeyStoreFilesLocator`, Teku 26.8.0).
///
/// Teku writes a `<keystore>.lock` next to each keystore and runs as uid 1000 in its image, so `init` gives the
/// runtime copies to that user.
enum TekuLayout {
    static let consensus = ConsensusLayout(
        keystore: "validators/keystores/\(ConsensusLayout.pubkeyPlaceholder).json",
        password: "validators/passwords/\(ConsensusLayout.pubkeyPlaceholder).txt",
        validatorOwner: TekuRuntimeImage.user)

    /// `--validator-keys` on the runtime copies.
    static var validatorKeys: String {
        "\(RuntimeLayout.validatorsCopy(of: consensus.keystoreFolder)):\(RuntimeLayout.validatorsCopy(of: consensus.passwordFolder))"
    }
}
