import SnapshotKit

extension ConformanceChecker {
    /// The client's samples and every declared rule are detected; no other known client is taken for it.
    mutating func detection(clientVersion: String, serviceName: String) {
        let check = "detection"
        report.checks.append(check)
        let id = plugin.id
        if plugin.layer != .execution { fail(check, "layer is \(plugin.layer.rawValue), not execution") }
        if id.range(of: "^[a-z][a-z0-9-]*$", options: .regularExpression) == nil {
            fail(check, "id '\(id)' must be lowercase letters, digits and '-' (it is typed as --el \(id))")
        }
        if plugin.displayName.isEmpty { fail(check, "displayName is empty") }
        let rules = plugin.detection
        if rules.clientVersionNames.isEmpty || rules.clientVersionNames.contains(where: \.isEmpty) {
            fail(check, "clientVersionNames must list the first '/'-field of the client's web3_clientVersion, e.g. \"Geth\"")
        }
        if rules.serviceNameTokens.isEmpty {
            fail(check, "serviceNameTokens must list the client's token in Kurtosis service names, e.g. \"geth\"")
        }
        for token in rules.serviceNameTokens where token.isEmpty || token.contains("-") || token != token.lowercased() {
            fail(check, "service name token '\(token)' must be one lowercase '-'-free word (names are split on '-')")
        }
        let registry: PluginRegistry
        do { registry = try PluginRegistry([plugin]) } catch {
            fail(check, "a registry refuses the plugin: \(error)")
            return
        }
        func detects(version: String) -> Bool { registry.detect(clientVersion: version)?.id == id }
        func detects(service: String) -> Bool { registry.detect(serviceName: service, layer: .execution)?.id == id }

        if !detects(version: clientVersion) {
            fail(check, "the example web3_clientVersion \"\(clientVersion)\" is not detected: its first '/'-field must be one of "
                + "clientVersionNames \(rules.clientVersionNames)")
        }
        if KurtosisServiceName(serviceName)?.kind != .execution {
            fail(check, "the example service name \"\(serviceName)\" is not an ethereum-package EL name (el-{index}-{el}-{cl})")
        } else if !detects(service: serviceName) {
            fail(check, "the example service name \"\(serviceName)\" is not detected: its client token must be one of "
                + "serviceNameTokens \(rules.serviceNameTokens)")
        }
        for name in rules.clientVersionNames where !name.isEmpty && !detects(version: "\(name)/v1.0.0/linux-amd64") {
            fail(check, "clientVersionNames entry \"\(name)\" does not detect \"\(name)/v1.0.0/linux-amd64\" (it must be a whole first field)")
        }
        for token in rules.serviceNameTokens where !token.isEmpty && !token.contains("-") {
            for service in ["el-1-\(token)-lighthouse", "vc-01-\(token)-lighthouse", "cl-1-lighthouse-\(token)"] where !detects(service: service) {
                fail(check, "service name token \"\(token)\" does not detect \(service)")
            }
        }
        for sample in ExecutionClientSample.known {
            let own = sample.client == id
            if detects(version: sample.clientVersion) != own {
                fail(check, own
                    ? "\(sample.client)'s web3_clientVersion \"\(sample.clientVersion)\" is not detected"
                    : "\(sample.client)'s web3_clientVersion \"\(sample.clientVersion)\" is taken for \(id): the rules collide")
            }
            if detects(service: sample.serviceName) != own {
                fail(check, own
                    ? "\(sample.client)'s service name \(sample.serviceName) is not detected"
                    : "\(sample.client)'s service name \(sample.serviceName) is taken for \(id): the rules collide")
            }
        }
    }
}
