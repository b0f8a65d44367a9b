import SnapshotKit

/// The Lighthouse image both services run, and what the README says about presets.
enum LighthouseRuntimeImage {
    /// Lighthouse v8.2.2 (release of 2026-08-17): Fulu (Fusaka) support since v8.0.0.
    ///
    /// One image serves both presets: since v5.2.0 (sigp/lighthouse#5614) the published `sigp/lighthouse` images are
    /// built with the `spec-minimal` feature next to mainnet and gnosis (`.github/workflows/docker.yml` sets
    /// `CROSS_FEATURES=gnosis,spec-minimal,slasher-lmdb,jemalloc` for the `Dockerfile.cross` image at v5.2.0, v5.3.0
    /// and `unstable`; v5.1.3 set none), so `lighthouse --version` reports `Specs: mainnet (true), minimal (true),
    /// gnosis (true)`; there is no separate minimal image (ethereum-package's minimal default is the unpinned
    /// `ethpandaops/lighthouse:unstable`, built the same way). docs/runtime-contract.md has the sources.
    static let defaultImage = "sigp/lighthouse:v8.2.2"

    /// The latest fork the default image runs.
    static let latestSupportedFork = ConsensusFork.fulu

    static func defaultImage(for snapshot: RuntimeSnapshot) throws(RuntimeError) -> String {
        try PinnedImage(
            client: "lighthouse", image: defaultImage, latestSupportedFork: latestSupportedFork, presets: ["mainnet", "minimal"],
            overrideOption: "--cl-image"
        ).image(for: snapshot)
    }

    /// The README caveat for the snapshot's preset and image.
    static func presetNote(_ context: RuntimeContext) -> String {
        guard context.snapshot.preset == "minimal" else {
            return """
                **Lighthouse** (`\(context.image)`) runs the `mainnet` preset, which every Lighthouse build includes.
                """
        }
        return """
            **Preset:** this chain uses the `minimal` preset (8-slot epochs). Lighthouse compiles presets into its \
            binary: only builds with the `spec-minimal` feature can run it. The published `sigp/lighthouse` images \
            have it since v5.2.0 (there is no separate minimal image); `\(context.image)` is expected to. Before \
            swapping the image, check that `docker run --rm <image> lighthouse --version` prints `minimal (true)`: a \
            build without it stops at start with an error about the minimal spec.
            """
    }
}
