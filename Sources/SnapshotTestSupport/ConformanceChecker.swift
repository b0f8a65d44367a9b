import SnapshotKit

/// The checks of ``ExecutionPluginConformance``, accumulating problems in a report.
struct ConformanceChecker {
    let plugin: any ClientPlugin
    var report = ConformanceReport()

    init(plugin: any ClientPlugin) {
        self.plugin = plugin
    }

    mutating func fail(_ check: String, _ problem: String) {
        report.issues.append(.init(check: check, problem: problem))
    }
}
