import Foundation

/// A geth-style `genesis.json`: chain config, genesis block fields and the alloc (the initial world state).
public struct GenesisFile: Sendable, Equatable {
    /// The config and block fields: everything but the alloc.
    public var parameters: GenesisParameters
    /// The accounts, in file order. Empty accounts are kept: they are part of the state root.
    public var alloc: [Account]

    public init(parameters: GenesisParameters, alloc: [Account]) {
        self.parameters = parameters
        self.alloc = alloc
    }

    /// Reads a parsed genesis object; `alloc` is required, as in geth.
    public init(json: JSONValue) throws(GenesisError) {
        parameters = try GenesisParameters(json: json)
        guard let alloc = json["alloc"], !alloc.isNull else { throw .missingField("alloc") }
        self.alloc = try GenesisAlloc.accounts(from: alloc)
    }

    /// Parses and reads genesis JSON text.
    public init(bytes: [UInt8]) throws(GenesisError) {
        let json: JSONValue
        do { json = try JSONParser.parse(bytes) } catch { throw .invalidJSON(error) }
        try self.init(json: json)
    }

    /// Reads a genesis file.
    public init(contentsOf url: URL) throws(GenesisError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, reason: Self.whyUnreadable(url, error))
        }
        try self.init(bytes: [UInt8](data))
    }

    private static func whyUnreadable(_ url: URL, _ error: any Error) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return "no such file" }
        if isDirectory.boolValue { return "it is a directory" }
        if !FileManager.default.isReadableFile(atPath: url.path) { return "permission denied" }
        return FileErrorReason.of(error)
    }

    /// The state root of the alloc.
    public func stateRoot() -> [UInt8] { StateRoot.of(alloc) }

    /// The genesis block header, as geth's `Genesis.ToBlock()` builds it.
    public func header() -> GenesisHeader { GenesisHeader(parameters: parameters, stateRoot: stateRoot()) }
}
