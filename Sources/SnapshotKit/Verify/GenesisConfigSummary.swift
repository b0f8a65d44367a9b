import Yams

/// What the verifier reads from a snapshot's `cl/config.yaml`: the preset, the fork active at genesis and its version.
struct GenesisConfigSummary {
    /// `PRESET_BASE`.
    var presetName: String
    /// The latest fork whose `*_FORK_EPOCH` is 0 (phase0 when none is).
    var fork: ConsensusFork
    /// That fork's `*_FORK_VERSION` (4 bytes), when present and well-formed.
    var forkVersion: [UInt8]?

    /// Parses the YAML text; values are read as written (a YAML reader would take `0x70000038` for a number).
    init(yaml: String) throws(SnapshotVerificationError) {
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch {
            throw .unreadable(path: "cl/config.yaml", reason: "not YAML")
        }
        guard let mapping = root?.mapping else { throw .unreadable(path: "cl/config.yaml", reason: "not a mapping of keys") }
        func scalar(_ key: String) -> String? { mapping[key]?.scalar?.string }
        guard let preset = scalar("PRESET_BASE") else {
            throw .unreadable(path: "cl/config.yaml", reason: "PRESET_BASE is missing")
        }
        presetName = preset
        fork = ConsensusFork.allCases.last { fork in fork.epochConfigKey.flatMap(scalar) == "0" } ?? .phase0
        forkVersion = scalar(fork.versionConfigKey).flatMap { try? [UInt8](hex: $0) }.flatMap { $0.count == 4 ? $0 : nil }
    }
}
