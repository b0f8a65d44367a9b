/// The snapshot folder's `README.md`: what the folder holds, where the state came from, how to start and stop it,
/// what was verified, which images run it and their caveats.
public enum SnapshotReadme {
    public static let path = "README.md"

    /// One client service as the README describes it.
    public struct Service: Sendable, Equatable {
        public var role: RuntimeRole
        public var client: String
        public var image: String
        /// The emitter's notes (Markdown paragraphs).
        public var notes: [String]

        public init(role: RuntimeRole, client: String, image: String, notes: [String]) {
            self.role = role
            self.client = client
            self.image = image
            self.notes = notes
        }
    }

    public static func text(
        snapshot: RuntimeSnapshot, services: [Service], options: RuntimeOptions, endpoints: [(name: String, url: String)]
    ) -> String {
        var sections = [title(snapshot), contents, source(snapshot), start(options, endpoints), verified(snapshot)]
        sections.append(images(services, options))
        let notes = services.flatMap(\.notes)
        if !notes.isEmpty { sections.append((["## Notes and caveats"] + notes).joined(separator: "\n\n")) }
        return sections.joined(separator: "\n\n") + "\n"
    }

    private static func title(_ snapshot: RuntimeSnapshot) -> String {
        let block = snapshot.source.map { " at block \($0.blockNumber)" } ?? ""
        let origin = snapshot.source.flatMap { $0.enclave.map { " of Kurtosis enclave `\($0)`" } } ?? ""
        return """
            # Devnet snapshot: chain \(snapshot.chainId)\(origin)\(block)

            A standalone docker-compose devnet whose genesis carries the complete state of the source chain\(block). \
            Every start is a fresh chain from that state: new genesis time, new JWT secret, empty databases. It needs \
            Docker with Compose and nothing else (no Kurtosis, no access to the source chain).
            """
    }

    private static let contents = """
        ## Contents

        | path | what |
        |---|---|
        | `metadata.json` | what was snapshotted and how, and the SHA-256 of every other file |
        | `docker-compose.yml` | services `init` → `el` → `cl` → `vc` |
        | `up.sh`, `down.sh` | start (fresh chain, waits for block 2 and checks block 0) and stop (removes containers and volume) |
        | `runtime/init.sh` | run by `init` at every start: genesis time, JWT, empty data directories |
        | `el/genesis.json` | execution genesis whose alloc is the source chain's state |
        | `cl/config.yaml`, `cl/genesis.ssz` | consensus config and genesis state (its genesis time is rewritten in a copy at every start) |
        | `validators/` | the genesis validators' EIP-2335 keystores and their passwords (devnet keys: never use them for real funds) |
        | `source/` | the source chain's own config files, as downloaded |
        """

    private static func source(_ snapshot: RuntimeSnapshot) -> String {
        var rows: [(String, String)] = [("chain id", "\(snapshot.chainId)")]
        if let source = snapshot.source {
            if let enclave = source.enclave { rows.append(("Kurtosis enclave", "`\(enclave)`")) }
            if let url = source.rpcURL { rows.append(("RPC endpoint read", "`\(url)`")) }
            if let version = source.clientVersion { rows.append(("source client", "`\(version)`")) }
            rows.append(("block", "\(source.blockNumber) (`\(source.blockHash)`)"))
            rows.append(("state root", "`\(source.stateRoot)`"))
            if let accounts = source.accounts {
                let contracts = source.contracts.map { ", \($0) contracts" } ?? ""
                let slots = source.storageSlots.map { ", \($0) storage slots" } ?? ""
                rows.append(("state", "\(accounts) accounts\(contracts)\(slots)"))
            }
            if let hash = source.genesisHash { rows.append(("snapshot EL genesis hash", "`\(hash)`")) }
            if let created = source.createdAt { rows.append(("created", created)) }
        }
        rows.append(("consensus", "\(snapshot.fork.rawValue) at genesis, `\(snapshot.preset)` preset, \(snapshot.validatorCount) validators"))
        return (["## Source chain", "", "| | |", "|---|---|"] + rows.map { "| \($0.0) | \($0.1) |" }).joined(separator: "\n")
    }

    private static func start(_ options: RuntimeOptions, _ endpoints: [(name: String, url: String)]) -> String {
        let endpointLines = endpoints.map { "- \($0.name): <\($0.url)>" }.joined(separator: "\n")
        return """
            ## Start and stop

            ```sh
            ./up.sh      # fresh chain; waits for block \(UpScript.provingBlock), checks block 0, prints the endpoints
            ./down.sh    # stops it and removes its containers and volume
            ```

            \(endpointLines)

            Ports are bound to \(options.bindAddress) only; which JSON-RPC namespaces the execution client serves \
            and which browser origins it accepts is in its note under *Notes and caveats*. `up.sh` removes what an earlier start left before it \
            starts, so every start is a new chain from the snapshot state. It waits until the head reaches block \
            \(UpScript.provingBlock) (the validator client proposed through the beacon node), checks that block 0's hash \
            is `el.genesisHash` of `metadata.json` and prints the time to the first block. `GENESIS_DELAY_SECONDS` \
            (default \(options.genesisDelaySeconds)) sets how long after `init` the chain starts and `UP_TIMEOUT_SECONDS` \
            (default 300) how long `up.sh` waits. When a service fails, `up.sh` prints its last log lines and exits 1 \
            (3 when block 0 is not the snapshot's genesis, 2 when Docker Compose, curl/wget or `metadata.json` is \
            missing).

            The compose project is named after this folder plus a hash of its path (`up.sh` prints it), so copies of \
            the snapshot in other folders never share containers or volumes; set `COMPOSE_PROJECT_NAME` to choose \
            another name. Plain `docker compose -p <project> up` works too (run `docker compose -p <project> down -v` \
            first to start from scratch).

            Nothing in this folder changes when the stack runs: it is mounted read-only, and `init` writes the \
            retimed `genesis.ssz` and `config.yaml`, the JWT secret, copies of the validator keys (readable by the \
            validator client's user only) and empty client databases into the `runtime` volume, which it empties first.
            """
    }

    private static func verified(_ snapshot: RuntimeSnapshot) -> String {
        let root = snapshot.source.map { " (`\($0.stateRoot)`)" } ?? ""
        return """
            ## What was verified

            Before this folder was written, the extracted state's Merkle-Patricia root was recomputed and found equal \
            to the source block's state root\(root): the state is complete. `snapshotter verify <this folder>` \
            re-checks offline:

            - every file's SHA-256 against `metadata.json`, and no unlisted file;
            - the state root of `el/genesis.json`'s alloc equals the source block's state root;
            - the EL genesis block hash equals the `block_hash` of `cl/genesis.ssz`'s execution payload header;
            - `cl/genesis.ssz` decodes as a \(snapshot.fork.rawValue) state of the `\(snapshot.preset)` preset and its \
            `genesis_validators_root` matches `metadata.json`;
            - every keystore's public key is a validator of the genesis state;
            - every folder `docker-compose.yml` mounts exists, and every image is pinned.
            """
    }

    private static func images(_ services: [Service], _ options: RuntimeOptions) -> String {
        var rows = ["| service | client | image |", "|---|---|---|"]
        rows.append("| `init` | busybox sh | `\(options.initImage)` |")
        rows += services.map { "| `\($0.role.serviceName)` | \($0.client) | `\($0.image)` |" }
        return """
            ## Docker images

            \(rows.joined(separator: "\n"))

            Every image is pinned to a version, so the stack starts the same way months from now. To try other \
            versions, edit the `image:` lines of `docker-compose.yml` (then `snapshotter verify` reports the changed \
            file) or create the snapshot again with `--el-image` / `--cl-image`.
            """
    }
}
