/// Where things are inside the containers of a snapshot's stack. Every client service sees the same layout, so an
/// emitter needs no knowledge of the others.
///
/// The snapshot folder's subfolders are mounted read-only under ``snapshot``; everything a start writes lives in the
/// `runtime` volume under ``runtime``, which the `init` service empties and refills at every start.
public enum RuntimeLayout {
    /// Where the snapshot folder's subfolders are mounted (read-only).
    public static let snapshot = "/snapshot"
    /// The mount point of the runtime volume.
    public static let runtime = "/runtime"
    /// The compose name of the runtime volume.
    public static let volumeName = "runtime"

    /// The EL genesis (`el/genesis.json` of the snapshot, read-only; it never changes after `create`).
    public static let executionGenesis = "\(snapshot)/el/genesis.json"
    /// The consensus testnet directory prepared by `init`: the snapshot's `cl/` files with `genesis.ssz` and
    /// `config.yaml` carrying the genesis time of this start.
    public static let consensusTestnet = "\(runtime)/testnet"
    /// The JWT secret shared by the EL and the beacon node (64 hex characters), fresh at every start.
    public static let jwtSecret = "\(runtime)/jwt.hex"
    /// Writable copies of the snapshot's `validators/` folder: the keystores and passwords in the consensus client's
    /// ``ConsensusLayout``.
    public static let validators = "\(runtime)/\(ConsensusLayout.validatorsFolder)"

    /// Where `init` puts the copy of a file or folder of the snapshot's `validators/` (a ``ConsensusLayout`` path),
    /// e.g. `validators/keys` → `/runtime/validators/keys`.
    public static func validatorsCopy(of path: String) -> String { "\(runtime)/\(path)" }

    /// The empty data directory of a role, created by `init` at every start.
    public static func dataDirectory(_ role: RuntimeRole) -> String { "\(runtime)/\(role.serviceName)" }

    /// The mount point of one of the snapshot folder's subfolders, e.g. `el` → `/snapshot/el`.
    public static func snapshotMount(_ folder: String) -> String { "\(snapshot)/\(folder)" }
}
