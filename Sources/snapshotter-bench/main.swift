import SnapshotKit

print("snapshotter-bench: Keccak-256 of the empty string = \(Keccak256.emptyHash.hexString)")
