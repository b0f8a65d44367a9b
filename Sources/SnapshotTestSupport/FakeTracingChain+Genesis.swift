import Foundation
import SnapshotKit

extension FakeTracingChain {
    /// The chain's original genesis for the universal source: its genesis alloc under a minimal chain config.
    public var originalGenesis: GenesisFile {
        let parameters = GenesisParameters(config: try! ChainConfig(json: .object([("chainId", .integer(1337))])),
                                           timestamp: blocks[0].timestamp, gasLimit: 30_000_000, difficulty: .zero)
        return GenesisFile(parameters: parameters, alloc: genesis)
    }

    /// Writes a `--genesis-dir` folder for `create` against a node of this chain and returns it: `example`'s
    /// `config.yaml` and `mnemonics.yaml`, and a `genesis.json` with `example`'s chain config and block fields but
    /// this chain's genesis alloc (so its state root is block 0's).
    public func writeGenesisFolder(basedOn example: URL) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tracing-genesis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["config.yaml", "mnemonics.yaml"] {
            try FileManager.default.copyItem(at: example.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let parameters = try GenesisFile(contentsOf: example.appendingPathComponent("genesis.json")).parameters
        let writer = try GenesisWriter(parameters: parameters, url: folder.appendingPathComponent("genesis.json"))
        for account in genesis { try writer.append(account) }
        try writer.finish()
        return folder
    }
}
