/// A client's pinned default image and what it can run: every fork up to `latestSupportedFork`, and the consensus
/// presets it carries (`nil`: the preset does not matter to it, as for an execution client).
public struct PinnedImage: Sendable {
    /// The plugin id named in errors.
    public let client: String
    public let image: String
    public let latestSupportedFork: ConsensusFork
    public let presets: [String]?
    /// The `create` option that names another image (`--el-image`, `--cl-image`).
    public let overrideOption: String

    public init(client: String, image: String, latestSupportedFork: ConsensusFork, presets: [String]? = nil,
                overrideOption: String) {
        self.client = client
        self.image = image
        self.latestSupportedFork = latestSupportedFork
        self.presets = presets
        self.overrideOption = overrideOption
    }

    /// `image`, or an error saying why it cannot run `snapshot` and which option names one that does.
    public func image(for snapshot: RuntimeSnapshot) throws(RuntimeError) -> String {
        guard snapshot.fork <= latestSupportedFork else {
            throw .unsupportedSnapshot(
                client: client,
                reason: "its genesis is in \(snapshot.fork.rawValue), which \(image) does not run; pass an image that does with \(overrideOption)")
        }
        if let presets, !presets.contains(snapshot.preset) {
            throw .unsupportedSnapshot(
                client: client, reason: "preset '\(snapshot.preset)' is not among \(image)'s (\(presets.joined(separator: ", ")))")
        }
        return image
    }
}
