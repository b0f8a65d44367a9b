import BesuPlugin
import GethPlugin
import LighthousePlugin
import NethermindPlugin
import RethPlugin
import SnapshotKit

/// The composition root: the one place that lists every plugin the tool ships.
enum Registry {
    static func make() throws -> PluginRegistry {
        try PluginRegistry([GethPlugin(), BesuPlugin(), NethermindPlugin(), RethPlugin(), LighthousePlugin()])
    }
}
