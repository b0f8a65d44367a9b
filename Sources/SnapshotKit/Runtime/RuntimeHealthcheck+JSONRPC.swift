extension RuntimeHealthcheck {
    /// Passes once the execution client answers `eth_blockNumber` with a result on its HTTP JSON-RPC port, for images
    /// that have bash and grep but neither curl nor wget (e.g. the Ubuntu-based Reth image).
    public static var executionJSONRPC: RuntimeHealthcheck { executionJSONRPC(port: RuntimePorts.executionRPC) }

    /// The same check on `port` inside the container: bash opens it with `/dev/tcp`, sends one HTTP request, and
    /// `grep` looks for `"result"` in the answer, so an error answer (a node still starting) fails. The text holds no
    /// `$`, so compose substitutes nothing in it.
    public static func executionJSONRPC(port: Int) -> RuntimeHealthcheck {
        let body = #"{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}"#
        let request = "POST / HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nContent-Type: application/json\\r\\n"
            + "Content-Length: \(body.utf8.count)\\r\\nConnection: close\\r\\n\\r\\n\(body)"
        let script = "exec 3<>/dev/tcp/127.0.0.1/\(port) && printf '%b' '\(request)' >&3 && grep -q '\"result\"' <&3"
        return RuntimeHealthcheck(command: ["bash", "-c", script])
    }
}
