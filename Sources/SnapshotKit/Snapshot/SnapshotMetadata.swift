import Foundation

/// The snapshot's `metadata.json`: what was snapshotted, how, and the SHA-256 of every other file of the folder
/// (schema in docs/snapshot-format.md).
public struct SnapshotMetadata: Sendable, Equatable {
    /// The tool that wrote the snapshot.
    public struct Tool: Sendable, Equatable {
        public var name: String
        public var version: String

        public init(name: String = "snapshotter", version: String) {
            self.name = name
            self.version = version
        }

        /// This build of snapshotter.
        public static let current = Tool(version: "0.1.0")
    }

    /// The chain and block the state was read from.
    public struct Source: Sendable, Equatable {
        /// The Kurtosis enclave, `nil` without Kurtosis.
        public var enclave: String?
        /// The node's JSON-RPC endpoint, `nil` for an offline source.
        public var rpcURL: String?
        /// The execution plugin id, `nil` when no node was asked.
        public var elClient: String?
        /// The node's `web3_clientVersion`.
        public var clientVersion: String?
        public var chainId: UInt64?
        public var blockNumber: UInt64
        /// `nil` when the source does not know the block (an offline dump).
        public var blockHash: [UInt8]?
        public var stateRoot: [UInt8]

        public init(enclave: String?, rpcURL: String?, elClient: String?, clientVersion: String?, chainId: UInt64?,
                    blockNumber: UInt64, blockHash: [UInt8]?, stateRoot: [UInt8]) {
            self.enclave = enclave
            self.rpcURL = rpcURL
            self.elClient = elClient
            self.clientVersion = clientVersion
            self.chainId = chainId
            self.blockNumber = blockNumber
            self.blockHash = blockHash
            self.stateRoot = stateRoot
        }
    }

    /// How the state was read and how large it is.
    public struct State: Sendable, Equatable {
        /// The state source's name.
        public var source: String
        public var accounts: Int
        public var contracts: Int
        public var storageSlots: Int

        public init(source: String, accounts: Int, contracts: Int, storageSlots: Int) {
            self.source = source
            self.accounts = accounts
            self.contracts = contracts
            self.storageSlots = storageSlots
        }
    }

    /// The new execution-layer genesis.
    public struct Execution: Sendable, Equatable {
        public var genesisHash: [UInt8]
        public var stateRoot: [UInt8]
        /// The EL client the runtime starts, once a runtime is emitted.
        public var runtimeClient: String?
        /// Forks of the source chain that were not active at the pinned block and so are not in the new genesis.
        public var droppedForks: [String]

        public init(genesisHash: [UInt8], stateRoot: [UInt8], runtimeClient: String? = nil, droppedForks: [String]) {
            self.genesisHash = genesisHash
            self.stateRoot = stateRoot
            self.runtimeClient = runtimeClient
            self.droppedForks = droppedForks
        }
    }

    /// The new consensus-layer genesis.
    public struct Consensus: Sendable, Equatable {
        /// The consensus plugin that wrote it.
        public var client: String
        /// The fork of the genesis state (`electra`, `fulu`).
        public var fork: String
        public var preset: String
        public var validators: Int
        public var genesisValidatorsRoot: [UInt8]
        /// Where the validator keys are (`cl.layout`); absent in snapshots made before layouts were recorded.
        public var layout: ConsensusLayout?

        public init(client: String, fork: String, preset: String, validators: Int, genesisValidatorsRoot: [UInt8],
                    layout: ConsensusLayout? = nil) {
            self.client = client
            self.fork = fork
            self.preset = preset
            self.validators = validators
            self.genesisValidatorsRoot = genesisValidatorsRoot
            self.layout = layout
        }
    }

    public var tool: Tool
    /// When the snapshot was created; written to the second, UTC.
    public var createdAt: Date
    public var source: Source
    public var state: State
    public var el: Execution
    /// Absent without a consensus genesis.
    public var cl: Consensus?
    /// The runtime section as its step wrote it; absent without a runtime.
    public var runtime: JSONValue?
    /// Every file of the folder except `metadata.json`: path relative to the folder → lowercase hex SHA-256, sorted.
    public var files: [(path: String, sha256: String)]

    /// The file name, at the top of the snapshot folder.
    public static let fileName = "metadata.json"

    public init(tool: Tool, createdAt: Date, source: Source, state: State, el: Execution, cl: Consensus? = nil,
                runtime: JSONValue? = nil, files: [(path: String, sha256: String)]) {
        self.tool = tool
        self.createdAt = createdAt
        self.source = source
        self.state = state
        self.el = el
        self.cl = cl
        self.runtime = runtime
        self.files = files
    }

    public static func == (lhs: SnapshotMetadata, rhs: SnapshotMetadata) -> Bool {
        lhs.json == rhs.json
    }

    /// The document, members in schema order.
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("tool", .object([("name", .string(tool.name)), ("version", .string(tool.version))])),
            ("createdAt", .string(Self.timestamp(createdAt))),
            ("source", .object([
                ("enclave", Self.optional(source.enclave)),
                ("rpcUrl", Self.optional(source.rpcURL)),
                ("elClient", Self.optional(source.elClient)),
                ("clientVersion", Self.optional(source.clientVersion)),
                ("chainId", source.chainId.map { .integer($0) } ?? .null),
                ("blockNumber", .integer(source.blockNumber)),
                ("blockHash", Self.optional(source.blockHash.map { Hex.encode($0) })),
                ("stateRoot", .string(Hex.encode(source.stateRoot))),
            ])),
            ("state", .object([
                ("source", .string(state.source)),
                ("accounts", .integer(state.accounts)),
                ("contracts", .integer(state.contracts)),
                ("storageSlots", .integer(state.storageSlots)),
            ])),
            ("el", .object([
                ("genesisHash", .string(Hex.encode(el.genesisHash))),
                ("stateRoot", .string(Hex.encode(el.stateRoot))),
                ("runtimeClient", Self.optional(el.runtimeClient)),
                ("droppedForks", .array(el.droppedForks.map { .string($0) })),
            ])),
        ]
        if let cl {
            var consensus: [(key: String, value: JSONValue)] = [
                ("client", .string(cl.client)),
                ("fork", .string(cl.fork)),
                ("preset", .string(cl.preset)),
                ("validators", .integer(cl.validators)),
                ("genesisValidatorsRoot", .string(Hex.encode(cl.genesisValidatorsRoot))),
            ]
            if let layout = cl.layout { consensus.append(("layout", layout.metadata)) }
            members.append(("cl", .object(consensus)))
        }
        if let runtime { members.append(("runtime", runtime)) }
        members.append(("files", .object(files.map { ($0.path, .string($0.sha256)) })))
        return .object(members)
    }

    /// The document as written: two-space indentation and a final newline.
    public var fileBytes: [UInt8] {
        Array((JSONWriter.string(json, indent: 2) + "\n").utf8)
    }

    /// Reads a `metadata.json` document.
    public init(json: JSONValue) throws(MetadataError) {
        let reader = MetadataReader(json: json)
        tool = Tool(name: try reader.string("tool.name"), version: try reader.string("tool.version"))
        let created = try reader.string("createdAt")
        guard let date = Self.date(created) else { throw .invalid(field: "createdAt", reason: "not an RFC 3339 UTC time: \(created)") }
        createdAt = date
        source = Source(
            enclave: try reader.optionalString("source.enclave"),
            rpcURL: try reader.optionalString("source.rpcUrl"),
            elClient: try reader.optionalString("source.elClient"),
            clientVersion: try reader.optionalString("source.clientVersion"),
            chainId: try reader.optionalInteger("source.chainId"),
            blockNumber: try reader.integer("source.blockNumber"),
            blockHash: try reader.optionalString("source.blockHash").map { text throws(MetadataError) in try reader.bytes(text, field: "source.blockHash") },
            stateRoot: try reader.bytes(try reader.string("source.stateRoot"), field: "source.stateRoot"))
        state = State(
            source: try reader.string("state.source"),
            accounts: Int(try reader.integer("state.accounts")),
            contracts: Int(try reader.integer("state.contracts")),
            storageSlots: Int(try reader.integer("state.storageSlots")))
        el = Execution(
            genesisHash: try reader.bytes(try reader.string("el.genesisHash"), field: "el.genesisHash"),
            stateRoot: try reader.bytes(try reader.string("el.stateRoot"), field: "el.stateRoot"),
            runtimeClient: try reader.optionalString("el.runtimeClient"),
            droppedForks: try reader.strings("el.droppedForks"))
        if let section = reader.value("cl"), !section.isNull {
            cl = Consensus(
                client: try reader.string("cl.client"),
                fork: try reader.string("cl.fork"),
                preset: try reader.string("cl.preset"),
                validators: Int(try reader.integer("cl.validators")),
                genesisValidatorsRoot: try reader.bytes(try reader.string("cl.genesisValidatorsRoot"), field: "cl.genesisValidatorsRoot"),
                layout: ConsensusLayout(metadata: reader.value("cl.layout")))
        } else {
            cl = nil
        }
        runtime = reader.value("runtime")
        guard let entries = reader.value("files")?.objectValue else { throw .invalid(field: "files", reason: "missing or not an object") }
        var files: [(path: String, sha256: String)] = []
        for (path, digest) in entries {
            guard let text = digest.stringValue else { throw .invalid(field: "files.\(path)", reason: "not a string") }
            files.append((path, text))
        }
        self.files = files
    }

    /// `2026-11-27T17:19:00Z`.
    public static func timestamp(_ date: Date) -> String {
        formatter().string(from: date)
    }

    private static func date(_ text: String) -> Date? {
        formatter().date(from: text)
    }

    private static func formatter() -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter
    }

    private static func optional(_ text: String?) -> JSONValue {
        text.map { .string($0) } ?? .null
    }
}

/// Typed reads of dotted paths in a metadata document.
private struct MetadataReader {
    let json: JSONValue

    func value(_ path: String) -> JSONValue? {
        var current: JSONValue? = json
        for key in path.split(separator: ".") { current = current?[String(key)] }
        return current
    }

    func string(_ path: String) throws(MetadataError) -> String {
        guard let text = value(path)?.stringValue else { throw .invalid(field: path, reason: "missing or not a string") }
        return text
    }

    func optionalString(_ path: String) throws(MetadataError) -> String? {
        guard let value = value(path), !value.isNull else { return nil }
        guard let text = value.stringValue else { throw .invalid(field: path, reason: "not a string") }
        return text
    }

    func integer(_ path: String) throws(MetadataError) -> UInt64 {
        guard let value = try optionalInteger(path) else { throw .invalid(field: path, reason: "missing") }
        return value
    }

    func optionalInteger(_ path: String) throws(MetadataError) -> UInt64? {
        guard let value = value(path), !value.isNull else { return nil }
        guard case .number(let text) = value, let number = UInt64(text) else {
            throw .invalid(field: path, reason: "not an unsigned integer")
        }
        return number
    }

    func strings(_ path: String) throws(MetadataError) -> [String] {
        guard let items = value(path)?.arrayValue else { throw .invalid(field: path, reason: "missing or not an array") }
        var result: [String] = []
        for item in items {
            guard let text = item.stringValue else { throw .invalid(field: path, reason: "holds a non-string") }
            result.append(text)
        }
        return result
    }

    func bytes(_ text: String, field: String) throws(MetadataError) -> [UInt8] {
        do { return try Hex.decode(text) } catch { throw .invalid(field: field, reason: error.description) }
    }
}
