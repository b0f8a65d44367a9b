extension ConsensusLayout {
    /// `metadata.json`'s `cl.layout`: `{"keystore": …, "password": …}` (the paths are all `verify` needs).
    public var metadata: JSONValue {
        .object([("keystore", .string(keystore)), ("password", .string(password))])
    }

    /// The layout `cl.layout` of `metadata.json` records, or nil when it is absent or malformed.
    public init?(metadata: JSONValue?) {
        guard let keystore = metadata?["keystore"]?.stringValue, let password = metadata?["password"]?.stringValue,
              Self.isTemplate(keystore), Self.isTemplate(password)
        else { return nil }
        self.init(keystore: keystore, password: password)
    }
}
