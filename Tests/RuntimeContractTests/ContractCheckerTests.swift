import Foundation
import SnapshotKit
import Testing

/// The checker catches each kind of mistake the matrix test relies on it to catch, on the recorded contracts.
@Suite struct ContractCheckerTests {
    static func contract(_ name: String) throws -> CLIContract {
        try #require(try ContractFixtures.contract(named: name))
    }

    /// The geth command the `el` service runs today, with one word replaced.
    static func gethScript(replacing old: String = "", with new: String = "") throws -> String {
        let snapshot = ContractStack.snapshot(executionClient: "geth", preset: "minimal", fork: .fulu)
        let el = try #require(try ContractStack.services(of: snapshot).first { $0.name == RuntimeRole.execution.serviceName })
        guard case .script(_, let text) = el.run else { throw CheckerTestError.notAScript }
        return old.isEmpty ? text : text.replacingOccurrences(of: old, with: new)
    }

    static let validator = [
        "lighthouse", "validator_client", "--testnet-dir=/runtime/testnet", "--validators-dir=/runtime/validators/keys",
        "--secrets-dir=/runtime/validators/secrets", "--init-slashing-protection", "--beacon-nodes=http://cl:4000",
        "--suggested-fee-recipient=0x8943545177806ED17B9F23F0a21ee5948eCaa776",
    ]

    enum CheckerTestError: Error { case notAScript }

    @Test func theEmittedGethScriptHolds() throws {
        let violations = ContractChecker(contract: try Self.contract("geth")).check(script: try Self.gethScript())
        #expect(violations.isEmpty, "\(violations)")
    }

    @Test func anUnknownFlagFails() throws {
        let script = try Self.gethScript(replacing: "--http.vhosts=", with: "--http.vhost=")
        let violations = ContractChecker(contract: try Self.contract("geth")).check(script: script)
        #expect(violations.map(\.kind) == [.unknownFlag], "\(violations)")
        #expect(violations.first?.command == "geth")
    }

    @Test func aValueOfTheWrongFormFails() throws {
        let checker = ContractChecker(contract: try Self.contract("geth"))
        let port = checker.check(script: try Self.gethScript(replacing: "--http.port=8545", with: "--http.port=http"))
        #expect(port.map(\.kind) == [.wrongValue], "\(port)")
        let mode = checker.check(script: try Self.gethScript(replacing: "--syncmode=full", with: "--syncmode=fast"))
        #expect(mode.map(\.kind) == [.wrongValue], "\(mode)")
        let api = checker.check(script: try Self.gethScript(replacing: "--http.api=", with: "--http.api=personal,"))
        #expect(api.map(\.kind) == [.wrongValue], "\(api)")
        let lighthouse = ContractChecker(contract: try Self.contract("lighthouse"))
        let switchWithValue = lighthouse.check(argv: Self.validator + ["--init-slashing-protection=true"])
        #expect(switchWithValue.map(\.kind) == [.wrongValue], "\(switchWithValue)")
    }

    @Test func aConflictFails() throws {
        let checker = ContractChecker(contract: try Self.contract("lighthouse"))
        #expect(checker.check(argv: Self.validator).isEmpty)
        let violations = checker.check(argv: Self.validator + ["--datadir=/runtime/vc"])
        #expect(violations.map(\.kind) == [.conflict, .conflict], "\(violations)")
        #expect(violations.first?.command == "lighthouse validator_client")
    }

    @Test func aMissingRequirementFails() throws {
        let checker = ContractChecker(contract: try Self.contract("lighthouse"))
        let violations = checker.check(argv: [
            "lighthouse", "bn", "--testnet-dir", "/runtime/testnet", "--http-address=0.0.0.0", "--jwt-secrets=/runtime/jwt.hex",
        ])
        #expect(violations.map(\.kind) == [.missingRequirement, .missingRequirement], "\(violations)")
        #expect(violations.map(\.detail) == ["--execution-jwt requires --execution-endpoint", "--http-address requires --http"])
    }

    @Test func aMissingRequiredFlagFails() throws {
        var contract = try Self.contract("lighthouse")
        contract.commands[1].required = ["--beacon-nodes"]
        let checker = ContractChecker(contract: contract)
        #expect(checker.check(argv: Self.validator).isEmpty)
        let violations = checker.check(argv: Self.validator.filter { !$0.hasPrefix("--beacon-nodes") })
        #expect(violations.map(\.kind) == [.missingRequired], "\(violations)")
    }

    @Test func aProgramTheImageLacksFails() throws {
        let checker = ContractChecker(contract: try Self.contract("lighthouse"))
        let curl = checker.check(EmittedService.Invocation(["curl", "-sf", "http://127.0.0.1:4000/eth/v1/node/health"]))
        #expect(curl.map(\.kind) == [.absentProgram], "\(curl)")
        let inBash = checker.check(EmittedService.Invocation(["bash", "-c", "wget -qO- http://127.0.0.1:4000/eth/v1/node/health"]))
        #expect(inBash.map(\.kind) == [.absentProgram], "\(inBash)")
        let unverified = checker.check(EmittedService.Invocation(["nc", "-z", "127.0.0.1", "4000"]))
        #expect(unverified.map(\.kind) == [.unverifiedProgram], "\(unverified)")
        let gethShell = ContractChecker(contract: try Self.contract("geth")).check(EmittedService.Invocation(["bash", "-c", "geth version"]))
        #expect(gethShell.first?.kind == .absentProgram, "\(gethShell)")
    }

    @Test func subcommandsAndAliasesAreMatched() throws {
        let checker = ContractChecker(contract: try Self.contract("lighthouse"))
        let aliases = ["validator_client", "vc", "validator", "v"].map { alias in
            checker.check(argv: ["lighthouse", alias] + Self.validator.dropFirst(2))
        }
        #expect(aliases.allSatisfy { $0.isEmpty }, "\(aliases)")
        #expect(checker.check(argv: ["lighthouse", "validator-client"]).map(\.kind) == [.unknownSubcommand])
        let geth = ContractChecker(contract: try Self.contract("geth"))
        #expect(geth.check(argv: ["geth", "init", "--datadir=/runtime/el"]).map(\.kind) == [.positionals])
        #expect(geth.check(argv: ["geth", "attach", "--exec", "eth.blockNumber", "http://127.0.0.1:8545"]).isEmpty)
        #expect(geth.check(argv: ["geth", "--http.port"]).map(\.kind) == [.missingValue])
    }

    @Test func aValueTheShellExpandsIsNotJudged() throws {
        let checker = ContractChecker(contract: try Self.contract("geth"))
        #expect(checker.check(script: #"exec geth --datadir="$DATA" --http.port "${PORT}" --networkid=$(cat id)"#).isEmpty)
        #expect(checker.check(script: "$GETH --http").map(\.kind) == [.dynamicProgram])
    }
}
