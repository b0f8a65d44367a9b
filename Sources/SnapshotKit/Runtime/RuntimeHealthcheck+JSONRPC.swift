extension RuntimeHealthcheck {
    /// A health check that holds once the EL answers `eth_blockNumber` with a result on `port` inside its container:
    /// bash opens the port with `/dev/tcp`, sends one HTTP request, and `grep` looks for `"result"` in the answer.
    ///
    /// For images that have `bash` and `grep` but no HTTP client (e.g. the Ubuntu-based Reth image). Its text holds
    /// no `$`, so compose substitutes nothing in it.
    public static func jsonRPCOverBash(port: Int = RuntimePorts.executionRPC) -> RuntimeHealthcheck {
        let body = #"{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}"#
        let request = "POST / HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nContent-Type: application/json\\r\\n"
            + "Content-Length: \(body.utf8.count)\\r\\nConnection: close\\r\\n\\r\\n\(body)"
        let script = "exec 3<>/dev/tcp/127.0.0.1/\(port) && printf '%b' '\(request)' >&3 && grep -q '\"result\"' <&3"
        return RuntimeHealthcheck(command: ["bash", "-c", script])
    }
}
