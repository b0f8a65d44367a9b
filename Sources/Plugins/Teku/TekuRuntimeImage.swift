import SnapshotKit

/// The Teku image both services run, and what the README says about presets.
enum TekuRuntimeImage {
    /// Teku 26.8.0 (tag of 2026-08-10; docs/runtime-contract-teku.md): Fulu support, every preset in one image.
    static let defaultImage = "consensys/teku:26.8.0"

    /// The image's user (`docker/jdk25/Dockerfile`: `adduser --uid 1000 … teku`, `USER teku`).
    static let user = "1000:1000"

    /// The image's start script, which is also its entrypoint.
    static let program = "/opt/teku/bin/teku"

    /// The latest fork the default image runs in production (Gloas and Heze are in development at 26.8.0).
    static let latestSupportedFork = ConsensusFork.fulu

    static func defaultImage(for snapshot: RuntimeSnapshot) throws(RuntimeError) -> String {
        try PinnedImage(
            client: "teku", image: defaultImage, latestSupportedFork: latestSupportedFork, presets: ["mainnet", "minimal"],
            overrideOption: "--cl-image"
        ).image(for: snapshot)
    }

    /// The README note on the preset.
    static func presetNote(_ context: RuntimeContext) -> String {
        """
        **Teku** (`\(context.image)`) takes the `\(context.snapshot.preset)` preset from `PRESET_BASE` in the \
        network's `config.yaml`; every Teku image carries the mainnet and minimal presets.
        """
    }
}
