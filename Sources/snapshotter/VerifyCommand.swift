import ArgumentParser
import Foundation
import SnapshotKit
import SnapshotterCLI

/// `snapshotter verify DIR [--rpc-url URL]`: re-checks a snapshot folder offline, and optionally a running stack's
/// execution node against it.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-check a snapshot folder offline: file digests, genesis roots and hashes, keystores, compose mounts; "
            + "with --rpc-url, also a running stack's execution node against it.",
        discussion: """
            With --rpc-url, the offline checks run first, then the node's: its chain id (eth_chainId) is the genesis \
            config's, its block 0 hash and state root (eth_getBlockByNumber) are the snapshot's, and eth_getProof at \
            block 0 proves a sample of the alloc accounts — spread over the whole alloc, the same on every run, \
            contracts with storage preferred; --accounts sets its size — with exactly the balance, nonce, code hash \
            and storage root the alloc gives them. A storage root that differs is followed by the slots that differ. \
            The alloc is streamed, the offline checks' reading handed on: memory does not grow with the state, even \
            with --accounts all. \
            Every read is at block 0: a node that keeps only its recent blocks' state must be checked soon after \
            ./up.sh. Progress of long runs (reading a large el/genesis.json, the node's proofs) goes to stderr \
            (unless --quiet).

            Exits 0 when every check holds, 3 when any fails (each failure is listed), 2 when the folder cannot be \
            verified at all (not a folder, no usable metadata.json) or the node cannot be reached or refuses a call.

            \(CommandFailure.exitCodeHelp)
            """
    )

    /// The exit code when a check fails.
    static let failureExitCode = ExitCode(3)

    @Argument(help: ArgumentHelp("The snapshot folder (the one holding metadata.json).", valueName: "dir"))
    var folder: String

    @Option(name: .customLong("rpc-url"), help: ArgumentHelp(
        "Also check the execution node of a stack running this snapshot, at its HTTP JSON-RPC endpoint (e.g. http://127.0.0.1:8545).",
        valueName: "url"))
    var rpcURL: String?

    @Option(help: ArgumentHelp("How many alloc accounts to prove on the node (with --rpc-url): a count, or all. Default: \(AccountSample.standard).",
                               valueName: "n|all"))
    var accounts: AccountSample?

    @Flag(help: "No progress on stderr.")
    var quiet = false

    @Flag(name: .long, help: "Print one JSON object: {\"ok\": bool, \"checks\": {name: {\"ok\": bool, \"detail\": string}}}.")
    var json = false

    func validate() throws {
        if let rpcURL, URL(string: rpcURL)?.host == nil || !["http", "https"].contains(URL(string: rpcURL)?.scheme ?? "") {
            throw ValidationError("--rpc-url \"\(rpcURL)\" is not an http(s) URL, e.g. http://127.0.0.1:8545")
        }
        if accounts != nil, rpcURL == nil { throw ValidationError("--accounts goes with --rpc-url") }
    }

    func run() async throws {
        let snapshot = URL(fileURLWithPath: folder)
        let progress = standardErrorProgress(quiet: quiet)
        let offline = try reportingErrors {
            try SnapshotVerifier(folder: snapshot, progress: progress?.handler).runKeepingExecutionGenesis()
        }
        progress?.finishIfShown()
        var report = offline.report
        if let rpcURL, let endpoint = URL(string: rpcURL) {
            report.checks += try await reportingErrors {
                try await checkNode(at: endpoint, snapshot: snapshot, genesis: offline.executionGenesis, progress: progress)
            }
        }
        if json {
            print(JSONWriter.string(report.json, indent: 2))
        } else {
            for check in report.checks {
                print(ExternalText.printable("\(check.ok ? "ok  " : "FAIL") \(check.name): \(check.detail)"))
            }
            print(report.ok
                ? "verified: all \(report.checks.count) checks hold"
                : "not verified: \(report.failures.count) of \(report.checks.count) checks failed")
        }
        if !report.ok { throw Self.failureExitCode }
    }

    /// The node's checks, given what the offline checks found `el/genesis.json` to hold, with progress on stderr when
    /// they take long enough for a progress line.
    private func checkNode(
        at endpoint: URL, snapshot: URL, genesis: Result<GenesisSummary, SnapshotVerificationError>, progress: ProgressRenderer?
    ) async throws -> [VerificationCheck] {
        let verifier = NodeVerifier(folder: snapshot, rpc: JSONRPCClient(endpoint: endpoint), sample: accounts ?? .standard)
        let checks = try await verifier.run(genesis: genesis, progress: progress?.handler)
        // The renderer writes its first line only after one interval: a quicker run leaves stderr empty.
        progress?.finishIfShown()
        return checks
    }
}

/// `--accounts`: `all` or a positive count, read by `AccountSample.init(argument:)`.
extension AccountSample: ExpressibleByArgument {}
