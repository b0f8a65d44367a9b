/// Checks on a container image reference (`[registry[:port]/]repo[:tag][@sha256:digest]`).
public enum ImageReference {
    /// The form every image the tool writes into a compose file must have.
    public static let expectedForm = "[registry[:port]/]repo[:tag][@sha256:<64 hex digits>]"

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

    /// What makes `image` no image reference of ``expectedForm``, or nil when it is one: a registry host with an
    /// optional numeric port, lowercase repository path components (letters and digits joined by `.`, `_`, `__` or
    /// dashes), a tag of `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`, a `sha256` digest of 64 lowercase hex digits. Nothing
    /// else passes: no quotes, `$`, spaces or other text a compose file or a shell would interpret.
    public static func problem(with image: String) -> String? {
        var name = Substring(image)
        if let at = name.firstIndex(of: "@") {
            let digest = name[name.index(after: at)...]
            guard digest.hasPrefix("sha256:"), digest.dropFirst(7).count == 64,
                  digest.dropFirst(7).allSatisfy({ lowercaseHex.contains($0) }) else {
                return "the digest after '@' must be sha256: and 64 lowercase hex digits"
            }
            name = name[..<at]
        }
        var components = name.split(separator: "/", omittingEmptySubsequences: false)
        if components.count > 1, let first = components.first,
           first.contains(".") || first.contains(":") || first == "localhost" {
            if let problem = registryProblem(first) { return problem }
            components.removeFirst()
        }
        if let last = components.last, let colon = last.firstIndex(of: ":") {
            let tag = last[last.index(after: colon)...]
            guard isTag(tag) else { return "the tag '\(tag)' must be 1 to 128 of A-Z a-z 0-9 _ . - (not starting with . or -)" }
            components[components.count - 1] = last[..<colon]
        }
        for component in components where !isPathComponent(component) {
            return "'\(component)' is no repository path component: lowercase letters and digits, joined by . _ __ or -"
        }
        return nil
    }

    /// Throws unless `image` is an image reference (``problem(with:)``) that is pinned.
    public static func requirePinned(_ image: String) throws(RuntimeError) {
        if let problem = problem(with: image) { throw .malformedImage(image, reason: problem) }
        guard isPinned(image) else { throw .unpinnedImage(image) }
    }

    private static let lowercaseHex = Set("0123456789abcdef")
    private static let lowercaseAlphanumerics = Set("abcdefghijklmnopqrstuvwxyz0123456789")
    private static let tagCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-")

    private static func registryProblem(_ registry: Substring) -> String? {
        let parts = registry.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let host = parts[0]
        let hostCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-")
        guard !host.isEmpty, host.allSatisfy(hostCharacters.contains), host.first != "-", host.first != ".",
              host.last != "-", host.last != "." else {
            return "the registry host '\(host)' must be letters, digits, . and -"
        }
        if parts.count == 2 {
            let port = parts[1]
            guard (1...5).contains(port.count), port.allSatisfy(\.isASCII), port.allSatisfy(\.isNumber) else {
                return "the registry port '\(port)' must be a number"
            }
        }
        return nil
    }

    private static func isTag(_ tag: Substring) -> Bool {
        guard let first = tag.first, (1...128).contains(tag.count) else { return false }
        return first != "." && first != "-" && tag.allSatisfy(tagCharacters.contains)
    }

    /// `[a-z0-9]+` runs joined by one separator each: `.`, `_`, `__` or any number of `-`.
    private static func isPathComponent(_ component: Substring) -> Bool {
        guard let first = component.first, let last = component.last,
              lowercaseAlphanumerics.contains(first), lowercaseAlphanumerics.contains(last) else { return false }
        var separator = ""
        for character in component {
            if lowercaseAlphanumerics.contains(character) {
                guard separator.isEmpty || [".", "_", "__"].contains(separator) || separator.allSatisfy({ $0 == "-" }) else {
                    return false
                }
                separator = ""
            } else if [".", "_", "-"].contains(character) {
                separator.append(character)
            } else {
                return false
            }
        }
        return true
    }
}
