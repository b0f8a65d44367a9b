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

    /// Reads a genesis file, streaming it with `GenesisReader` (the alloc ends up in memory: for large files read a
    /// `GenesisSummary` or use `GenesisReader` directly).
    public init(contentsOf url: URL) throws(GenesisError) {
        let reader = try GenesisReader(contentsOf: url)
        var alloc: [Account] = []
        var seen = Set<Address>()
        do {
            try reader.forEachAccount { account in
                guard seen.insert(account.address).inserted else { throw GenesisError.duplicateAccount(account.address) }
                alloc.append(account)
            }
        } catch let error as GenesisError {
            throw error
        } catch {
            throw .unreadable(path: url.path, reason: "\(error)")
        }
        self.init(parameters: reader.parameters, alloc: alloc)
    }

    /// The state root of the alloc.
    public func stateRoot() -> [UInt8] { StateRoot.of(alloc) }

    /// The genesis block header, as geth's `Genesis.ToBlock()` builds it.
    public func header() -> GenesisHeader { GenesisHeader(parameters: parameters, stateRoot: stateRoot()) }
}
