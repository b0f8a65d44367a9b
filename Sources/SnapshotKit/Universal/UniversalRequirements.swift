extension NodeRequirement {
    /// The universal source starts from the chain's original genesis alloc.
    public static let originalGenesis = NodeRequirement(
        id: "original-genesis",
        summary: "the source chain's original genesis alloc",
        remedy: "pass --genesis-dir, or use an enclave whose el_cl_genesis_data artefact holds genesis.json")

    /// The universal source lists what every block changed through a tracing call. Plugins refine the remedy with
    /// their client's flag.
    public static let tracing = NodeRequirement(
        id: "tracing",
        summary: "a tracing API that re-executes every block since genesis "
            + "(debug_traceBlockByNumber with prestateTracer, or trace_replayBlockTransactions)",
        remedy: "enable the debug (prestateTracer) or trace (trace_replayBlockTransactions) JSON-RPC namespace, "
            + "on a node that keeps the state of every block (archive)")

    /// The universal source reads final values with Merkle proofs.
    public static let proofs = NodeRequirement(
        id: "proofs",
        summary: "eth_getProof at the pinned block",
        remedy: "use a node that serves eth_getProof (EIP-1186) for the pinned block")
}
