import BesuPlugin
import GethPlugin
import LighthousePlugin
import NethermindPlugin
import RethPlugin
import SnapshotKit
import TekuPlugin

/// The composition root: the one place that lists every plugin the tool ships.
enum Registry {
    static func make() throws -> PluginRegistry {
        try PluginRegistry([GethPlugin(), BesuPlugin(), NethermindPlugin(), RethPlugin(), LighthousePlugin(), TekuPlugin()])
    }

    /// The execution client that runs a snapshot when neither `--runtime-el` nor the source's client says.
    static let defaultRuntimeExecutionClient = "geth"
}
