import Foundation

/// Re-checks a snapshot folder offline: file digests, the EL genesis against the source state root, the CL genesis
/// against the EL genesis and the metadata, the validator keystores against the genesis state, and the compose file's
/// mounts and images. `snapshotter verify` runs it, and `create` runs it on the finished temporary folder before
/// renaming it into place.
///
/// Checks are independent: one unreadable file fails the checks that need it and the others still run.
public struct SnapshotVerifier: Sendable {
    /// The snapshot folder, its symbolic links resolved (a link to a snapshot is verified as the snapshot).
    public let folder: URL
    /// What `el/genesis.json` holds when the caller already knows it — `create`, which computed it from the very
    /// accounts it wrote, in the same pass — so the file is not read again; `nil` reads it.
    public let executionGenesis: GenesisSummary?
    /// Digests of files the caller hashed as it wrote them (path → lowercase hex SHA-256); the others are read.
    public let knownDigests: [String: String]
    /// Hears how far the reading of `el/genesis.json` is (`GenesisSummary.init(contentsOf:temporaryFolder:progress:)`).
    public let progress: StateProgressHandler?

    /// The bound of `metadata.json` (a digest line per file: a few KiB in practice).
    static let metadataLimit = 64 << 20
    /// The bound of `cl/genesis.ssz` (a mainnet-preset state with a million validators is about 200 MiB).
    static let genesisStateLimit = 1 << 30

    public init(folder: URL, executionGenesis: GenesisSummary? = nil, knownDigests: [String: String] = [:],
                progress: StateProgressHandler? = nil) {
        self.folder = folder.standardizedFileURL.resolvingSymlinksInPath()
        self.executionGenesis = executionGenesis
        self.knownDigests = knownDigests
        self.progress = progress
    }

    /// Runs every check. Throws only when the folder cannot be verified at all (no folder, no usable
    /// `metadata.json`).
    public func run() throws(SnapshotVerificationError) -> VerificationReport {
        try runKeepingExecutionGenesis().report
    }

    /// Runs every check, as ``run()``, and hands on what `el/genesis.json` was found to hold, or why it could not be
    /// read: ``NodeVerifier/run(genesis:progress:)`` takes it rather than reading the file for it again.
    public func runKeepingExecutionGenesis() throws(SnapshotVerificationError) -> (
        report: VerificationReport, executionGenesis: Result<GenesisSummary, SnapshotVerificationError>
    ) {
        let metadata = try loadMetadata()
        let execution = executionGenesis.map { .success($0) }
            ?? Result { () throws(SnapshotVerificationError) in try loadExecutionGenesis() }
        let consensus = Result { () throws(SnapshotVerificationError) in try loadConsensusGenesis() }
        let report = VerificationReport(checks: [
            checkFiles(metadata),
            checkStateRoot(metadata, execution),
            checkGenesisHash(metadata, execution, consensus),
            checkGenesisState(metadata, consensus),
            checkGenesisValidatorsRoot(metadata, consensus),
            checkKeystores(metadata, consensus),
        ] + checkCompose() + [checkScripts()])
        return (report, execution)
    }

    // MARK: Inputs

    func url(_ path: String) -> URL { folder.appendingPathComponent(path) }

    func loadMetadata() throws(SnapshotVerificationError) -> SnapshotMetadataFields {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notAFolder(path: folder.path)
        }
        let path = url(SnapshotFileDigests.metadataFile)
        let data: Data
        do { data = try InputFile.read(path, limit: Self.metadataLimit) } catch {
            if case .tooLarge = error { throw .invalidMetadata(path: path.path, reason: error.description) }
            throw .missingMetadata(path: folder.path)
        }
        let json: JSONValue
        do { json = try JSONParser.parse([UInt8](data)) } catch { throw .invalidMetadata(path: path.path, reason: error.description) }
        guard json["files"]?.objectValue != nil else {
            throw .invalidMetadata(path: path.path, reason: "it has no `files` object")
        }
        return SnapshotMetadataFields(json: json)
    }

    /// What `el/genesis.json` holds, read in constant memory.
    func loadExecutionGenesis() throws(SnapshotVerificationError) -> GenesisSummary {
        do { return try GenesisSummary(contentsOf: url("el/genesis.json"), progress: progress) } catch {
            throw .unreadable(path: "el/genesis.json", reason: error.description)
        }
    }

    /// The genesis state decoded with the fork and preset of `cl/config.yaml`.
    struct ConsensusGenesis {
        var config: ConsensusConfig
        var fork: ConsensusFork
        var state: BeaconState
    }

    private func loadConsensusGenesis() throws(SnapshotVerificationError) -> ConsensusGenesis {
        let config: ConsensusConfig, preset: ConsensusPreset, fork: ConsensusFork
        do {
            config = try ConsensusConfig(contentsOf: url(ConsensusLayout.config))
            preset = try config.preset()
            fork = try config.genesisFork()
        } catch {
            throw .unreadable(path: "cl/config.yaml", reason: error.description)
        }
        let bytes: Data
        do { bytes = try InputFile.read(url(ConsensusLayout.genesisState), limit: Self.genesisStateLimit) } catch {
            if case .tooLarge(_, let limit) = error {
                throw .unreadable(path: "cl/genesis.ssz", reason: "larger than \(InputFileError.sizeText(limit))")
            }
            throw .unreadable(path: "cl/genesis.ssz", reason: "no such file")
        }
        do {
            return ConsensusGenesis(config: config, fork: fork, state: try BeaconState(decoding: [UInt8](bytes), fork: fork, preset: preset))
        } catch {
            throw .unreadable(path: "cl/genesis.ssz", reason: "not a \(fork.rawValue) \(preset.name) state: \(error)")
        }
    }
}
