import SnapshotKit

/// Facts about this build of the tool.
enum ToolInfo {
    static let version = SnapshotMetadata.Tool.current.version
}
