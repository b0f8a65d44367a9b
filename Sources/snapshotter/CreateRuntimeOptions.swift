import ArgumentParser
import SnapshotKit

/// `create`'s options for the emitted runtime: which execution client runs the snapshot, images and ports.
struct CreateRuntimeOptions: ParsableArguments {
    @Option(name: .customLong("runtime-el"), help: ArgumentHelp("Execution client that runs the snapshot (default: the source's client when it can, else \(Registry.defaultRuntimeExecutionClient)).", valueName: "id"))
    var runtimeEL: String?

    @Option(name: .customLong("el-image"), help: ArgumentHelp("Image of the runtime's execution client, pinned to a version (default: the plugin's).", valueName: "image"))
    var elImage: String?

    @Option(name: .customLong("cl-image"), help: ArgumentHelp("Image of the runtime's beacon node and validator client, pinned to a version (default: the plugin's).", valueName: "image"))
    var clImage: String?

    @Option(name: .customLong("port-offset"), help: ArgumentHelp("Added to every published host port (8545, 8546, 4000), to run snapshots side by side.", valueName: "n"))
    var portOffset = 0

    func validate() throws {
        for (flag, image) in [("--el-image", elImage), ("--cl-image", clImage)] {
            guard let image else { continue }
            if let problem = ImageReference.problem(with: image) {
                throw ValidationError("\(flag) \"\(image)\" is not an image reference: \(problem); expected \(ImageReference.expectedForm)")
            }
            if !ImageReference.isPinned(image) {
                throw ValidationError("\(flag) \"\(image)\" is not pinned: name a version tag or digest (e.g. repo:v1.2.3), never 'latest'")
            }
        }
        let highestPort = [RuntimePorts.executionRPC, RuntimePorts.executionWebSocket, RuntimePorts.beaconHTTP].max()!
        guard (0...(65_535 - highestPort)).contains(portOffset) else {
            throw ValidationError("--port-offset must be 0 … \(65_535 - highestPort)")
        }
    }

    /// The runtime stage: `--runtime-el`, or the source's client when it can run snapshots, or the default. Checks
    /// that the clients exist and can run a snapshot before any long work.
    func step(registry: PluginRegistry, sourceClient: (any ClientPlugin)?, consensus: ConsensusGenesisStep) throws -> RuntimeStep {
        let execution: String
        if let runtimeEL {
            execution = runtimeEL.lowercased()
        } else if let sourceClient, sourceClient.roles.contains(.runtime), sourceClient is any RuntimeClientPlugin {
            execution = sourceClient.id
        } else {
            execution = Registry.defaultRuntimeExecutionClient
        }
        let writer = RuntimeWriter(registry: registry)
        try writer.checkClients(execution: execution, consensus: consensus.client)
        return RuntimeStep(
            writer: writer, executionClient: execution,
            options: RuntimeOptions(executionImage: elImage, consensusImage: clImage, portOffset: portOffset))
    }
}
