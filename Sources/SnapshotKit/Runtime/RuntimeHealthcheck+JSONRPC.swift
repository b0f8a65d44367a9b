extension RuntimeHealthcheck {
    /// Passes when the execution client answers a JSON-RPC `eth_blockNumber` on its HTTP port with status 200, for
    /// images that have bash but neither curl nor wget: the request goes through bash's `/dev/tcp`.
    public static var executionJSONRPC: RuntimeHealthcheck {
        let body = #"{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}"#
        let request = "POST / HTTP/1.1\\r\\nHost: localhost\\r\\nContent-Type: application/json\\r\\n"
            + "Content-Length: \(body.utf8.count)\\r\\nConnection: close\\r\\n\\r\\n" + body
        return RuntimeHealthcheck(command: [
            "bash", "-c",
            "exec 3<>/dev/tcp/127.0.0.1/\(RuntimePorts.executionRPC)"
                + " && printf '\(request)' >&3"
                + " && head -n 1 <&3 | grep -q ' 200 '",
        ])
    }
}
