import Foundation

/// The source chain's genesis files, as Kurtosis' `el_cl_genesis_data` artefact holds them (or `--genesis-dir`):
/// `genesis.json` (EL genesis and chain config), `config.yaml` (consensus config) and `mnemonics.yaml` (validator
/// mnemonics).
public struct SourceGenesisFiles: Sendable, Equatable {
    public static let genesisFileName = "genesis.json"
    public static let configFileName = "config.yaml"
    public static let mnemonicsFileName = "mnemonics.yaml"

    public let folder: URL

    /// Checks that `folder` holds the three files.
    public init(folder: URL) throws(WorkspaceError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .cannotRead(path: folder.path, reason: "no such folder; it must hold the source chain's genesis.json, config.yaml and mnemonics.yaml")
        }
        let missing = [Self.genesisFileName, Self.configFileName, Self.mnemonicsFileName].filter {
            !FileManager.default.isReadableFile(atPath: folder.appendingPathComponent($0).path)
        }
        guard missing.isEmpty else {
            throw .cannotRead(path: folder.path, reason: "the folder has no \(missing.joined(separator: ", ")); it must hold the source chain's genesis.json, config.yaml and mnemonics.yaml")
        }
        self.folder = folder
    }

    public var genesis: URL { folder.appendingPathComponent(Self.genesisFileName) }
    public var config: URL { folder.appendingPathComponent(Self.configFileName) }
    public var mnemonics: URL { folder.appendingPathComponent(Self.mnemonicsFileName) }
}
