import Foundation

/// A URL as it may be stored or printed: user info, query values, fragments and path segments that look like
/// access tokens are replaced by `***`, so a credential in `--rpc-url http://user:secret@host/?apikey=…` never
/// reaches metadata, a README, a log or the terminal.
///
/// `http://user:pw@node:8545/v3/0123456789abcdef0123?apikey=k&chain=1#x` becomes
/// `http://***@node:8545/v3/***?apikey=***&chain=***`.
public struct RedactedURL: Sendable, Equatable, CustomStringConvertible {
    /// What stands in for a removed secret.
    public static let mask = "***"
    /// A path segment at least this long made only of letters, digits, `-` and `_`, with at least one digit, is
    /// taken for an access token (as providers put API keys in the path: `/v3/<key>`, `/v2/<key>`).
    static let tokenSegmentLength = 16

    /// The redacted text of the URL.
    public let description: String

    /// The redacted form of `url`.
    public init(_ url: URL) {
        self.init(url.absoluteString)
    }

    /// The redacted form of URL text; text that does not parse as a URL is kept only up to its scheme and host when
    /// one can be found, else replaced by the mask entirely (it may be a mistyped credential).
    public init(_ text: String) {
        guard var components = URLComponents(string: text), components.scheme != nil else {
            description = Self.mask
            return
        }
        if components.percentEncodedUser != nil || components.percentEncodedPassword != nil {
            components.percentEncodedUser = Self.mask
            components.percentEncodedPassword = nil
        }
        if let items = components.percentEncodedQueryItems, !items.isEmpty {
            components.percentEncodedQueryItems = items.map { URLQueryItem(name: $0.name, value: Self.mask) }
        } else if components.percentEncodedQuery != nil {
            components.percentEncodedQuery = Self.mask
        }
        components.percentEncodedFragment = nil
        components.percentEncodedPath = components.percentEncodedPath.split(separator: "/", omittingEmptySubsequences: false)
            .map { Self.looksLikeToken($0) ? Self.mask : String($0) }.joined(separator: "/")
        description = components.string ?? Self.mask
    }

    private static func looksLikeToken(_ segment: Substring) -> Bool {
        segment.count >= tokenSegmentLength && segment.contains(where: \.isNumber)
            && segment.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
