import Foundation
import SnapshotKit
import Testing

/// Every command line of every stack `create` can emit (each runtime execution client × each runtime consensus
/// client, both presets, the
/// forks whose flags differ) holds against the CLI contract of the image it runs in, and every default image has a
/// contract recorded for exactly that image.
@Suite struct RuntimeContractTests {
    @Test(arguments: ContractStack.executionClients, ContractStack.presets)
    func everyEmittedCommandHoldsAgainstItsImage(_ executionClient: String, _ preset: String) throws {
        for fork in ContractStack.forks {
          for consensusClient in ContractStack.consensusClients {
            let snapshot = ContractStack.snapshot(
                executionClient: executionClient, consensusClient: consensusClient, preset: preset, fork: fork)
            for service in try ContractStack.services(of: snapshot) {
                let name = ContractStack.contractName(of: service, in: snapshot)
                let where_ = "\(executionClient)+\(consensusClient)/\(preset)/\(fork.rawValue) service \(service.name)"
                guard let contract = try ContractFixtures.contract(named: name) else {
                    Issue.record("\(where_): no CLI contract for \(service.image): record it in \(ContractFixtures.projectPath(name))")
                    continue
                }
                #expect(contract.image == service.image,
                        "\(where_) runs \(service.image) but \(ContractFixtures.projectPath(name)) was recorded for \(contract.image): record the contract of the new image")
                let checker = ContractChecker(contract: contract)
                let violations = checker.check(service.run) + (service.healthcheck.map(checker.check) ?? [])
                #expect(violations.isEmpty, "\(where_):\n\(violations.map { "  \($0)" }.joined(separator: "\n"))")
            }
          }
        }
    }

    /// The validator client never gets `--datadir` next to `--validators-dir` / `--secrets-dir` (Lighthouse refuses to
    /// start), and its slashing-protection database lands in the writable validators dir `init` fills.
    @Test(arguments: ContractStack.presets)
    func theValidatorClientStarts(_ preset: String) throws {
        let snapshot = ContractStack.snapshot(executionClient: "geth", preset: preset, fork: .fulu)
        let vc = try #require(try ContractStack.services(of: snapshot).first { $0.name == RuntimeRole.validator.serviceName })
        guard case .argv(let argv) = vc.run else {
            Issue.record("the vc runs \(vc.run), not a plain argv")
            return
        }
        #expect(!argv.contains { $0 == "--datadir" || $0.hasPrefix("--datadir=") })
        #expect(argv.contains("--validators-dir=\(RuntimeLayout.validators)/keys"))
        #expect(argv.contains("--secrets-dir=\(RuntimeLayout.validators)/secrets"))
        #expect(RuntimeLayout.validators.hasPrefix(RuntimeLayout.runtime + "/"))
        #expect(InitScript.text.contains(#"cp -R "$SNAPSHOT_DIR/validators/." "$RUNTIME_DIR/validators/""#))
        // Writable by its owner (Lighthouse's vc runs as root), private to everyone else.
        #expect(InitScript.text.contains(#"chmod -R u+rwX,go-rwx "$RUNTIME_DIR/validators""#))
    }

    /// Teku's validator client reads the runtime copies of its keys as `<keystores>:<passwords>`, and `init` gives
    /// those copies to the image's user (uid 1000), who must write the lock files next to them.
    @Test(arguments: ContractStack.presets)
    func theTekuValidatorClientStarts(_ preset: String) throws {
        let snapshot = ContractStack.snapshot(executionClient: "geth", consensusClient: "teku", preset: preset, fork: .fulu)
        let services = try ContractStack.services(of: snapshot)
        let vc = try #require(services.first { $0.name == RuntimeRole.validator.serviceName })
        guard case .argv(let argv) = vc.run else {
            Issue.record("the vc runs \(vc.run), not a plain argv")
            return
        }
        #expect(argv.contains("--validator-keys=\(RuntimeLayout.validators)/keystores:\(RuntimeLayout.validators)/passwords"))
        let compose = try RuntimeWriter(registry: ContractStack.registry()).composeFile(for: snapshot, options: RuntimeOptions())
        #expect(compose.validatorsOwner == "1000:1000")
        #expect(InitScript.text.contains(#"chown -R "$VALIDATORS_OWNER" "$RUNTIME_DIR/validators""#))
    }

    /// Every fixture is complete: provenance, a source for each flag, choices for each enum, conflicts and
    /// requirements between recorded flags, and programs with contracts listed among the image's executables.
    @Test func everyFixtureIsWellFormed() throws {
        let names = try ContractFixtures.names()
        #expect(names.contains("geth") && names.contains("lighthouse") && names.contains("busybox"))
        for name in names {
            let contract = try #require(try ContractFixtures.contract(named: name))
            #expect(!contract.published.isEmpty && !contract.provenance.tag.isEmpty && !contract.provenance.files.isEmpty, "\(name)")
            #expect(contract.provenance.repository.hasPrefix("https://"), "\(name)")
            #expect(ImageReference.isPinned(contract.image), "\(name): \(contract.image) is not pinned")
            #expect(Set(contract.executables).isDisjoint(with: contract.absent), "\(name): a program is both present and absent")
            for command in contract.commands {
                let label = "\(name): \(([command.program] + command.subcommand).joined(separator: " "))"
                #expect(contract.contains(command.program), "\(label): the program is not among the executables")
                #expect(command.positionals.min <= command.positionals.max, "\(label)")
                for (flag, entry) in command.flags {
                    #expect(flag.hasPrefix("-") && !entry.source.isEmpty, "\(label) \(flag): no source")
                    if entry.value == .enum { #expect(!(entry.choices ?? []).isEmpty, "\(label) \(flag): an enum without choices") }
                }
                let named = command.conflicts.flatMap { $0 } + command.required + command.requires.keys + command.requires.values.flatMap { $0 }
                for flag in named { #expect(command.canonical(flag) != nil, "\(label): \(flag) is named but not recorded") }
                for (alias, target) in command.aliases { #expect(command.flags[target] != nil, "\(label): alias \(alias) → \(target) is not recorded") }
            }
        }
    }
}
