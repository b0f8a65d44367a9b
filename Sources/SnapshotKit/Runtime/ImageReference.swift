/// Checks on a container image reference (`repo[:tag][@digest]`).
public enum ImageReference {
    /// Whether `image` names a fixed version: it has a digest, or a tag other than `latest`.
    ///
    /// A tag is the text after the last `:` of the last `/`-separated component (a registry's `host:port` comes
    /// before the first `/`).
    public static func isPinned(_ image: String) -> Bool {
        if image.contains("@sha256:") { return true }
        guard let tag = tag(of: image) else { return false }
        return !tag.isEmpty && tag != "latest"
    }

    /// The tag of `image`, or nil when it has none.
    public static func tag(of image: String) -> String? {
        let name = image.split(separator: "@", maxSplits: 1).first.map(String.init) ?? image
        let lastComponent = name.split(separator: "/").last.map(String.init) ?? name
        guard let colon = lastComponent.lastIndex(of: ":") else { return nil }
        return String(lastComponent[lastComponent.index(after: colon)...])
    }

    /// Throws ``RuntimeError/unpinnedImage(_:)`` unless `image` is pinned.
    public static func requirePinned(_ image: String) throws(RuntimeError) {
        guard isPinned(image), !image.contains(where: \.isWhitespace) else { throw .unpinnedImage(image) }
    }
}
