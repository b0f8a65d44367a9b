/// Facts about this build of the tool.
enum ToolInfo {
    static let version = "0.1.0"
}
