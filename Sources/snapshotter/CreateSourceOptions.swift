import ArgumentParser
import Foundation
import SnapshotKit

/// `create`'s options that say what to snapshot: one origin (an enclave, a node or a dump), the genesis files, the
/// execution plugin and its state source, and the block.
struct CreateSourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Kurtosis enclave (name or UUID) to snapshot: its first execution node, and its el_cl_genesis_data files.", valueName: "name"))
    var enclave: String?

    @Option(name: .customLong("kurtosis-timeout"), help: ArgumentHelp("The longest one `kurtosis` command may take, in seconds (default \(KurtosisCLI.defaultTimeoutSeconds)).", valueName: "seconds"))
    var kurtosisTimeout = KurtosisCLI.defaultTimeoutSeconds

    @Option(name: .customLong("rpc-url"), help: ArgumentHelp("An execution node's HTTP JSON-RPC endpoint (without Kurtosis; needs --genesis-dir).", valueName: "url"))
    var rpcURL: String?

    @Option(name: .customLong("from-dump"), help: ArgumentHelp("Read the state offline from a geth `dump --iterative` JSON-lines file (needs --genesis-dir).", valueName: "file"))
    var fromDump: String?

    @Option(name: .customLong("genesis-dir"), help: ArgumentHelp("Folder with the source chain's genesis.json, config.yaml and mnemonics.yaml (as in el_cl_genesis_data).", valueName: "dir"))
    var genesisDir: String?

    @Option(name: .customLong("dump-block"), help: ArgumentHelp("The block number the dump was taken at (default 0).", valueName: "n"))
    var dumpBlock: UInt64?

    @Option(help: ArgumentHelp("Execution client plugin: auto (detect from web3_clientVersion and the service name) or a plugin id.", valueName: "auto|id"))
    var el = "auto"

    @Option(name: .customLong("state-source"), help: ArgumentHelp("Use only this one of the execution plugin's state sources (default: try them in order, e.g. geth: range, then universal).", valueName: "name"))
    var stateSource: String?

    @Option(help: ArgumentHelp("Block to snapshot: latest, finalized, safe, a number, or a 0x block hash. Resolved once to a hash.", valueName: "block"))
    var block = "latest"

    @Option(help: ArgumentHelp("Requests in flight at once, where the state source can split its work.", valueName: "n"))
    var concurrency = 8

    /// The one origin named: exactly one of --enclave, --rpc-url and --from-dump, decided here and nowhere else.
    enum Origin {
        case enclave(String)
        case node(URL)
        case dump(URL)

        /// The origin among the three options' values; throws when none or more than one is given.
        init(enclave: String?, rpcURL: String?, fromDump: String?) throws {
            switch (enclave, rpcURL, fromDump) {
            case (let enclave?, nil, nil):
                self = .enclave(enclave)
            case (nil, let rpcURL?, nil):
                guard let url = URL(string: rpcURL) else {
                    throw ValidationError("--rpc-url \"\(RedactedURL(rpcURL))\" is not an http(s) URL, e.g. http://127.0.0.1:8545")
                }
                self = .node(url)
            case (nil, nil, let fromDump?):
                self = .dump(URL(fileURLWithPath: fromDump))
            case (nil, nil, nil):
                throw ValidationError(
                    "name what to snapshot: --enclave NAME, --rpc-url URL with --genesis-dir DIR, or --from-dump FILE with --genesis-dir DIR")
            default:
                throw ValidationError("--enclave, --rpc-url and --from-dump exclude each other; pass one")
            }
        }
    }

    /// The origin the options name (`validate()` has checked that they name exactly one).
    var origin: Origin {
        get throws { try Origin(enclave: enclave, rpcURL: rpcURL, fromDump: fromDump) }
    }

    /// The Kurtosis CLI, with `--kurtosis-timeout`.
    var kurtosis: KurtosisCLI {
        KurtosisCLI(timeout: .seconds(kurtosisTimeout))
    }

    /// The pinned-block selector `validate()` accepted.
    var blockSelector: BlockSelector {
        get throws { try BlockSelector(parsing: block) }
    }

    func validate() throws {
        _ = try origin
        if let enclave, !KurtosisCLI.isEnclaveIdentifier(enclave) {
            throw ValidationError(KurtosisError.invalidEnclaveName(enclave).description)
        }
        if enclave == nil, genesisDir == nil {
            throw ValidationError("\(rpcURL != nil ? "--rpc-url" : "--from-dump") needs --genesis-dir DIR with the source chain's genesis.json, config.yaml and mnemonics.yaml")
        }
        if dumpBlock != nil, fromDump == nil { throw ValidationError("--dump-block goes with --from-dump") }
        if let rpcURL, URL(string: rpcURL)?.host == nil || !["http", "https"].contains(URL(string: rpcURL)?.scheme ?? "") {
            throw ValidationError("--rpc-url \"\(RedactedURL(rpcURL))\" is not an http(s) URL, e.g. http://127.0.0.1:8545")
        }
        guard kurtosisTimeout >= 1 else { throw ValidationError("--kurtosis-timeout must be at least 1 (seconds)") }
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
        do { _ = try blockSelector } catch { throw ValidationError(String(describing: error)) }
    }
}
