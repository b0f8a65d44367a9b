import SnapshotKit

extension ConformanceChecker {
    /// Every `--state-source` builds offline and declares one-line requirements; the default is the first; an
    /// unknown name is refused.
    mutating func stateSources() {
        let check = "state sources"
        guard let execution = plugin as? any ExecutionClientPlugin else {
            if plugin.roles.contains(.stateSource) {
                report.checks.append(check)
                fail(check, "roles lists state-source but the plugin does not adopt ExecutionClientPlugin")
            } else {
                report.checks.append("\(check) (skipped: no state-source role)")
            }
            return
        }
        report.checks.append(check)
        if !plugin.roles.contains(.stateSource) { fail(check, "the plugin adopts ExecutionClientPlugin but roles lacks state-source") }
        let names = execution.stateSourceNames
        if names.isEmpty { fail(check, "stateSourceNames is empty: list the --state-source names, default first") }
        if Set(names).count != names.count { fail(check, "stateSourceNames \(names) has duplicates") }
        for name in names where name.range(of: "^[a-z][a-z0-9-]*$", options: .regularExpression) == nil {
            fail(check, "state source name '\(name)' must be lowercase letters, digits and '-'")
        }
        var built: [String: String] = [:]
        for name in names {
            let source: any StateSource
            do { source = try execution.makeStateSource(.offline(preference: name)) } catch {
                fail(check, "makeStateSource(\(name)) throws without a node (it must not call the node): \(error)")
                continue
            }
            built[name] = source.name
            if source.name.isEmpty { fail(check, "the '\(name)' source has an empty name") }
            if source.requirements.isEmpty {
                fail(check, "the '\(name)' source declares no requirements: name what the node must provide (API namespace, history, flags)")
            }
            var seen = Set<String>()
            for requirement in source.requirements {
                let label = "the '\(name)' source's requirement '\(requirement.id)'"
                if requirement.id.range(of: "^[a-z][a-z0-9-]*$", options: .regularExpression) == nil {
                    fail(check, "\(label): id must be lowercase letters, digits and '-'")
                }
                if !seen.insert(requirement.id).inserted { fail(check, "\(label) is declared twice") }
                for (field, text) in [("summary", requirement.summary), ("remedy", requirement.remedy)]
                where text.trimmingCharacters(in: .whitespaces).isEmpty || text.contains(where: \.isNewline) {
                    fail(check, "\(label): \(field) must be one non-empty line (it is quoted in one-line errors)")
                }
            }
        }
        if let first = names.first {
            do {
                let byDefault = try execution.makeStateSource(.offline(preference: nil))
                let named = try execution.makeStateSource(.offline(preference: first))
                if byDefault.name != named.name {
                    fail(check, "the default source is '\(byDefault.name)' but the first of stateSourceNames builds '\(named.name)'")
                }
            } catch {
                fail(check, "makeStateSource without a preference throws: \(error)")
            }
        }
        chain(of: execution, built: built)
        do {
            _ = try execution.makeStateSource(.offline(preference: "no-such-source"))
            fail(check, "makeStateSource accepts the unknown --state-source 'no-such-source' instead of throwing")
        } catch {
            let text = String(describing: error)
            if text.isEmpty || text.contains(where: \.isNewline) {
                fail(check, "the error for an unknown --state-source must be one non-empty line, got \"\(text)\"")
            }
        }
    }

    /// The chain `create` tries (`makeStateSources`): by default it starts with the default source and holds only
    /// named sources; with a preference, it is that source alone.
    private mutating func chain(of execution: any ExecutionClientPlugin, built: [String: String]) {
        let check = "state sources"
        guard let first = execution.stateSourceNames.first, let firstName = built[first] else { return }
        do {
            let sources = try execution.makeStateSources(.offline(preference: nil)).sources.map(\.name)
            if sources.first != firstName {
                fail(check, "the default chain starts with '\(sources.first ?? "")', not the default source '\(firstName)'")
            }
            for name in sources where !built.values.contains(name) {
                fail(check, "the default chain holds '\(name)', which no --state-source name builds")
            }
            for (option, name) in built.sorted(by: { $0.key < $1.key }) {
                let alone = try execution.makeStateSources(.offline(preference: option)).sources.map(\.name)
                if alone != [name] { fail(check, "--state-source \(option) must build '\(name)' alone, not \(alone)") }
            }
        } catch {
            fail(check, "makeStateSources throws without a node (it must not call the node): \(error)")
        }
    }
}
