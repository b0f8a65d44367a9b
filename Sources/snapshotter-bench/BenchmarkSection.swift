/// One named part of the benchmark run, selected on the command line by its name.
protocol BenchmarkSection {
    /// The name that selects the section (`swift run -c release snapshotter-bench <name>`).
    var name: String { get }
    /// One line saying what the section measures.
    var summary: String { get }
    /// Measures and prints the section's figures.
    func run() async throws
}
