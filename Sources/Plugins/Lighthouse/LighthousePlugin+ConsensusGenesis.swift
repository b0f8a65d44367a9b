import Foundation
import SnapshotKit

extension LighthousePlugin: ConsensusGenesisProvider {
    /// Writes Lighthouse's testnet directory (`cl/config.yaml`, `cl/genesis.ssz`, `cl/deposit_contract_block.txt`,
    /// `cl/deploy_block.txt`) and one EIP-2335 keystore with its password file per validator
    /// (`validators/keys/0x<pubkey>/voting-keystore.json`, `validators/secrets/0x<pubkey>`).
    public func writeConsensusGenesis(_ input: ConsensusGenesisInput, into folder: URL) throws -> ConsensusGenesisResult {
        let genesis = try SnapshotConsensusGenesis(input)
        let keystores = try ValidatorKeystore.encrypt(genesis.validators, kdf: input.keystoreKDF)
        var files: [(path: String, contents: Data, isPrivate: Bool)] = [
            (LighthouseLayout.config, Data(genesis.config.yaml.utf8), false),
            (LighthouseLayout.genesisState, Data(genesis.state.serialize()), false),
            (LighthouseLayout.depositContractBlock, Data("0".utf8), false),
            (LighthouseLayout.deployBlock, Data("0".utf8), false),
        ]
        for keystore in keystores {
            let pubkey = Hex.encode(keystore.pubkey)
            files.append((LighthouseLayout.keystore(pubkeyHex: pubkey), keystore.keystore.jsonData(), true))
            files.append((LighthouseLayout.secret(pubkeyHex: pubkey), Data(keystore.password.utf8), true))
        }
        for file in files {
            try Self.write(file.contents, to: folder.appendingPathComponent(file.path), isPrivate: file.isPrivate)
        }
        return genesis.result(files: files.map(\.path))
    }

    /// Writes `contents`; a private file (keystore, password) is readable and writable by its owner only (0600).
    private static func write(_ contents: Data, to url: URL, isPrivate: Bool) throws(ConsensusGenesisError) {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url, options: .atomic)
            if isPrivate {
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
            }
        } catch {
            throw .unwritable(path: url.path, reason: FileErrorReason.of(error))
        }
    }
}
