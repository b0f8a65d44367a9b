/// Checks command lines against one image's ``CLIContract``: the program must be one the image contains, the words
/// after it must select a recorded subcommand, and every flag must be recorded, carry a value of its form, respect the
/// recorded conflicts and requirements, and leave no required flag out.
///
/// Flags are read GNU-style: `--flag=value` or `--flag value` for flags with values, a bare `--flag` for switches
/// (`--flag=true|false` for `optional-bool`); a word after `--` is positional. A value the shell expands at run time
/// (`$VAR`) is accepted in any form, since its text is unknown here.
struct ContractChecker {
    let contract: CLIContract

    /// The violations of one argv, as a container runs it without a shell (compose `command` / `CMD`).
    func check(argv: [String]) -> [ContractViolation] {
        check(words: argv.map { ShellWord($0) })
    }

    /// The violations of every program `script` runs (a `sh -c` / `bash -c` argument).
    func check(script: String) -> [ContractViolation] {
        ShellCommandSplitter.commands(in: script).flatMap { check(words: $0) }
    }

    /// The violations of one command: the program, then its subcommand and flags.
    func check(words: [ShellWord]) -> [ContractViolation] {
        guard let program = words.first else { return [] }
        let name = program.text
        guard !program.isDynamic else {
            return [ContractViolation(kind: .dynamicProgram, command: name, detail: "the program is a shell expansion")]
        }
        if contract.lacks(name) {
            return [ContractViolation(
                kind: .absentProgram, command: name, detail: "\(contract.image) does not contain \(name)")]
        }
        guard contract.contains(name) else {
            return [ContractViolation(
                kind: .unverifiedProgram, command: name,
                detail: "\(name) is not among the programs verified in \(contract.image) (executables: \(contract.executables.joined(separator: ", ")))")]
        }
        let candidates = contract.commands(of: name)
        guard !candidates.isEmpty else { return [] }
        let arguments = Array(words.dropFirst())
        guard let (command, length) = Self.match(arguments, among: candidates) else {
            let known = candidates.map { ([name] + $0.subcommand).joined(separator: " ") }
            return [ContractViolation(
                kind: .unknownSubcommand, command: ([name] + arguments.prefix(1).map(\.text)).joined(separator: " "),
                detail: "no recorded subcommand matches; recorded: \(known.joined(separator: "; "))")]
        }
        let label = ([name] + arguments.prefix(length).map(\.text)).joined(separator: " ")
        return check(Array(arguments.dropFirst(length)), against: command, label: label)
    }

    /// The recorded command whose subcommand (or an alias of it) is the longest prefix of `arguments`.
    private static func match(_ arguments: [ShellWord], among candidates: [CommandContract]) -> (CommandContract, Int)? {
        var best: (CommandContract, Int)?
        for candidate in candidates {
            for spelling in candidate.subcommandSpellings where spelling.count <= arguments.count {
                let matches = zip(spelling, arguments).allSatisfy { !$1.isDynamic && $0 == $1.text }
                if matches, spelling.count >= (best?.1 ?? -1) { best = (candidate, spelling.count) }
            }
        }
        return best
    }

    private func check(_ arguments: [ShellWord], against command: CommandContract, label: String) -> [ContractViolation] {
        var violations: [ContractViolation] = []
        func violation(_ kind: ContractViolation.Kind, _ detail: String) {
            violations.append(ContractViolation(kind: kind, command: label, detail: detail))
        }
        var present: Set<String> = []
        var positionals = 0
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            let name = word.text.prefix { $0 != "=" }
            guard !optionsEnded, name.hasPrefix("-"), name != "-", !name.contains("$") else {
                positionals += 1
                continue
            }
            if word.text == "--" {
                optionsEnded = true
                continue
            }
            let parts = word.text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let spelled = String(parts[0])
            var inlineValue = parts.count > 1 ? String(parts[1]) : nil
            guard let flag = command.canonical(spelled), let flagContract = command.flags[flag] else {
                violation(.unknownFlag, "\(spelled) is not a recorded flag of \(label) at \(contract.provenance.tag)")
                continue
            }
            present.insert(flag)
            switch flagContract.value {
            case .none:
                if let inlineValue { violation(.wrongValue, "\(spelled) is a switch but was given '\(inlineValue)'") }
                continue
            case .optionalBool:
                if let inlineValue, !word.isDynamic, !flagContract.value.accepts(inlineValue, choices: nil) {
                    violation(.wrongValue, "\(spelled) takes true or false, not '\(inlineValue)'")
                }
                continue
            default:
                break
            }
            var valueIsDynamic = word.isDynamic
            if inlineValue == nil, index < arguments.count {
                inlineValue = arguments[index].text
                valueIsDynamic = arguments[index].isDynamic
                index += 1
            }
            guard let value = inlineValue else {
                violation(.missingValue, "\(spelled) needs a value (\(flagContract.value.rawValue))")
                continue
            }
            if !valueIsDynamic, !flagContract.value.accepts(value, choices: flagContract.choices) {
                let choices = flagContract.choices.map { " of \($0.joined(separator: ", "))" } ?? ""
                violation(.wrongValue, "\(spelled)='\(value)' is not a \(flagContract.value.rawValue)\(choices)")
            }
        }
        let canonical = { (flag: String) in command.canonical(flag) ?? flag }
        for pair in command.conflicts where pair.allSatisfy({ present.contains(canonical($0)) }) {
            violation(.conflict, "\(pair.joined(separator: " and ")) may not be passed together")
        }
        for (flag, needs) in command.requires.sorted(by: { $0.key < $1.key }) where present.contains(canonical(flag)) {
            for need in needs where !present.contains(canonical(need)) {
                violation(.missingRequirement, "\(flag) requires \(need)")
            }
        }
        for flag in command.required where !present.contains(canonical(flag)) {
            violation(.missingRequired, "\(flag) is required")
        }
        if positionals < command.positionals.min || positionals > command.positionals.max {
            violation(.positionals, "\(positionals) positional arguments; \(command.positionals.min)…\(command.positionals.max) accepted")
        }
        return violations
    }
}

extension ContractChecker {
    /// The violations of what a container runs: the shell of a script and every program in it, or the argv.
    func check(_ invocation: EmittedService.Invocation) -> [ContractViolation] {
        switch invocation {
        case .argv(let argv): check(argv: argv)
        case .script(let shell, let text): check(words: [ShellWord(shell)]) + check(script: text)
        case .scriptFile(let shell, _): check(words: [ShellWord(shell)])
        }
    }
}
