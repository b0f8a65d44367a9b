import Foundation

/// Where a consensus client reads a snapshot's validator keys, declared by its plugin: the snapshot folder holds the
/// keys in the layout of the client that runs them, and `init` copies them as they are into the runtime volume
/// (``RuntimeLayout/validators``).
///
/// Paths are relative to the snapshot folder and contain `{pubkey}`, which stands for the validator's `0x`-prefixed,
/// lowercase public key; the key's first path component below the keys folder (a folder or a file) names one key.
/// The network files (`cl/config.yaml`, `cl/genesis.ssz`) are client-neutral and the core's; a layout only adds the
/// extra files its client reads in that folder.
///
/// `metadata.json` records the layout (`cl.layout`), so `verify` reads the keys without knowing the client.
public struct ConsensusLayout: Sendable, Equatable {
    /// The placeholder for the public key in ``keystore`` and ``password``.
    public static let pubkeyPlaceholder = "{pubkey}"

    /// The keystore of one key, e.g. `validators/keys/{pubkey}/voting-keystore.json`.
    public var keystore: String
    /// Its password file, e.g. `validators/secrets/{pubkey}` (UTF-8, no trailing newline).
    public var password: String
    /// Extra files of the network folder (`cl/<name>` → contents), e.g. a deposit contract block.
    public var networkFiles: [NetworkFile]
    /// The `uid:gid` the runtime copies of the keys must belong to, when the validator client runs as a fixed
    /// non-root user; nil when it runs as the `init` service's user (root).
    public var validatorOwner: String?

    /// An extra file of the network folder.
    public struct NetworkFile: Sendable, Equatable {
        /// The file name inside `cl/`.
        public var name: String
        public var contents: String

        public init(name: String, contents: String) {
            self.name = name
            self.contents = contents
        }
    }

    /// A layout whose ``keystore`` and ``password`` both contain ``pubkeyPlaceholder`` once, below a folder of
    /// ``validatorsFolder``.
    public init(keystore: String, password: String, networkFiles: [NetworkFile] = [], validatorOwner: String? = nil) {
        precondition(Self.isTemplate(keystore) && Self.isTemplate(password), "a layout path needs one \(Self.pubkeyPlaceholder) below a folder of \(Self.validatorsFolder)/")
        self.keystore = keystore
        self.password = password
        self.networkFiles = networkFiles
        self.validatorOwner = validatorOwner
    }

    /// The folder holding every keystore and password path of a layout; `init` copies it whole into the runtime volume.
    public static let validatorsFolder = "validators"
    /// The folder holding the snapshot's consensus network files.
    public static let networkFolder = "cl"
    /// The network config, as every consensus client reads it.
    public static let config = "\(networkFolder)/config.yaml"
    /// The SSZ genesis state.
    public static let genesisState = "\(networkFolder)/genesis.ssz"

    /// The keystore path of the key `pubkeyHex` (`0x…`).
    public func keystorePath(pubkeyHex: String) -> String { keystore.replacingOccurrences(of: Self.pubkeyPlaceholder, with: pubkeyHex) }
    /// The password path of the key `pubkeyHex` (`0x…`).
    public func passwordPath(pubkeyHex: String) -> String { password.replacingOccurrences(of: Self.pubkeyPlaceholder, with: pubkeyHex) }

    /// The folder holding one entry per keystore, e.g. `validators/keys`.
    public var keystoreFolder: String { Self.folder(of: keystore) }
    /// The folder holding one entry per password, e.g. `validators/secrets`.
    public var passwordFolder: String { Self.folder(of: password) }

    /// The public key an entry of ``keystoreFolder`` stands for (`0x…` as written), or nil when the entry's name does
    /// not fit the layout.
    public func pubkeyHex(ofKeystoreEntry name: String) -> String? {
        let rest = Self.afterPlaceholder(keystore)
        let suffix = rest.split(separator: "/", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard name.hasSuffix(suffix), name.count > suffix.count else { return nil }
        return String(name.dropLast(suffix.count))
    }

    /// The text before the placeholder, without its trailing `/`.
    private static func folder(of template: String) -> String {
        let before = template.components(separatedBy: pubkeyPlaceholder)[0]
        return before.hasSuffix("/") ? String(before.dropLast()) : before
    }

    private static func afterPlaceholder(_ template: String) -> String {
        template.components(separatedBy: pubkeyPlaceholder).dropFirst().joined()
    }

    static func isTemplate(_ path: String) -> Bool {
        path.hasPrefix("\(validatorsFolder)/") && path.components(separatedBy: pubkeyPlaceholder).count == 2 && path.contains("/\(pubkeyPlaceholder)")
    }
}
