/// Choices about a snapshot's runtime that are not facts of the snapshot (`create`'s `--el-image`, `--cl-image`,
/// `--port-offset`).
public struct RuntimeOptions: Sendable, Equatable {
    /// The execution client image; nil for the plugin's pinned default.
    public var executionImage: String?
    /// The consensus client image (beacon node and validator client); nil for the plugin's pinned default.
    public var consensusImage: String?
    /// Added to every published host port (8545, 8546, 4000), so several snapshots can run side by side.
    public var portOffset: Int
    /// The host address published ports are bound to.
    public var bindAddress: String
    /// Seconds between a start and the genesis time it writes (the default of `GENESIS_DELAY_SECONDS`).
    public var genesisDelaySeconds: Int
    /// The fee recipient of the blocks the validators propose.
    public var feeRecipient: String
    /// The image of the `init` service: small, with a POSIX shell, `date`, `od`, `dd`, `sed` and `tr`.
    public var initImage: String

    /// ethereum-package's validating rewards account, the usual fee recipient of a Kurtosis devnet.
    public static let defaultFeeRecipient = "0x8943545177806ED17B9F23F0a21ee5948eCaa776"
    /// busybox 1.37.0: a few MB, every tool `init.sh` uses.
    public static let defaultInitImage = "busybox:1.37.0"

    public init(
        executionImage: String? = nil, consensusImage: String? = nil, portOffset: Int = 0,
        bindAddress: String = "127.0.0.1", genesisDelaySeconds: Int = 10,
        feeRecipient: String = RuntimeOptions.defaultFeeRecipient, initImage: String = RuntimeOptions.defaultInitImage
    ) {
        self.executionImage = executionImage
        self.consensusImage = consensusImage
        self.portOffset = portOffset
        self.bindAddress = bindAddress
        self.genesisDelaySeconds = genesisDelaySeconds
        self.feeRecipient = feeRecipient
        self.initImage = initImage
    }
}
