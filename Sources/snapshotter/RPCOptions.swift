import ArgumentParser
import SnapshotKit

/// How patient the tool is with an execution node's JSON-RPC endpoint: `--rpc-timeout` and `--rpc-retries`.
struct RPCOptions: ParsableArguments {
    @Option(name: .customLong("rpc-timeout"),
            help: ArgumentHelp("Seconds one JSON-RPC request to the node may take, its whole answer included.", valueName: "seconds"))
    var rpcTimeout: Double = 60

    @Option(name: .customLong("rpc-retries"),
            help: ArgumentHelp("Times a request is sent again after no answer, a lost connection, HTTP 5xx or 429.", valueName: "n"))
    var rpcRetries = 3

    func validate() throws {
        guard rpcTimeout.isFinite, rpcTimeout > 0, rpcTimeout <= 86_400 else {
            throw ValidationError("--rpc-timeout must be a number of seconds above 0 and at most 86400, e.g. --rpc-timeout 300")
        }
        guard (0...20).contains(rpcRetries) else { throw ValidationError("--rpc-retries must be 0 … 20") }
    }

    /// The client configuration these options ask for, with room for `maxConnections` requests in flight.
    func clientConfiguration(maxConnections: Int) -> JSONRPCClient.Configuration {
        .init(timeout: .milliseconds(Int64((rpcTimeout * 1000).rounded(.up))), maxAttempts: rpcRetries + 1, maxConnections: maxConnections)
    }
}
