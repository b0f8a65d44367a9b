import Foundation

/// Writes a snapshot's consensus genesis (``SnapshotConsensusGenesis``) in a client's ``ConsensusLayout``.
public struct ConsensusGenesisWriter: Sendable {
    public let layout: ConsensusLayout

    public init(layout: ConsensusLayout) {
        self.layout = layout
    }

    /// Builds the genesis of `input` and writes its files under `folder` (created if needed).
    public func write(_ input: ConsensusGenesisInput, into folder: URL) throws -> ConsensusGenesisResult {
        let genesis = try SnapshotConsensusGenesis(input)
        let keystores = try ValidatorKeystore.encrypt(genesis.validators, kdf: input.keystoreKDF)
        var files: [(path: String, contents: Data, isPrivate: Bool)] = [
            (ConsensusLayout.config, Data(genesis.config.yaml.utf8), false),
            (ConsensusLayout.genesisState, Data(genesis.state.serialize()), false),
        ]
        for file in layout.networkFiles {
            files.append(("\(ConsensusLayout.networkFolder)/\(file.name)", Data(file.contents.utf8), false))
        }
        for keystore in keystores {
            let pubkey = Hex.encode(keystore.pubkey)
            files.append((layout.keystorePath(pubkeyHex: pubkey), keystore.keystore.jsonData(), true))
            files.append((layout.passwordPath(pubkeyHex: pubkey), Data(keystore.password.utf8), true))
        }
        for file in files {
            try Self.write(file.contents, to: folder.appendingPathComponent(file.path), isPrivate: file.isPrivate)
        }
        var result = genesis.result(files: files.map(\.path))
        result.layout = layout
        return result
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
