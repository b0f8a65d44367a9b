import Foundation

/// A consensus client plugin: it declares where its client reads a snapshot's validator keys
/// (``ConsensusLayout``), and the core builds the client-neutral genesis (config, `genesis.ssz`, keystores) in that
/// layout, so every consensus plugin is a ``ConsensusGenesisProvider`` without writing one.
///
/// `verify` and `init.sh` read the layout from `metadata.json`; the compose assembler asks the plugin for the
/// keys' owner (``ConsensusLayout/validatorOwner``).
public protocol ConsensusClientPlugin: ClientPlugin, ConsensusGenesisProvider {
    /// Where the client reads the snapshot's validator keys, and what else its network folder needs.
    var consensusLayout: ConsensusLayout { get }
}

extension ConsensusClientPlugin {
    /// Writes `cl/config.yaml`, `cl/genesis.ssz`, the layout's extra network files and one EIP-2335 keystore with
    /// its password file per validator, in ``consensusLayout``.
    public func writeConsensusGenesis(_ input: ConsensusGenesisInput, into folder: URL) throws -> ConsensusGenesisResult {
        try ConsensusGenesisWriter(layout: consensusLayout).write(input, into: folder)
    }
}
