// SnapshotKit builds on the primitives' libraries and re-exports them, so a plugin or a Swift user imports one module.
@_exported import ConsensusPrimitives
@_exported import EthereumPrimitives
