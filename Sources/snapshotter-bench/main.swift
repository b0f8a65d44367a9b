import Foundation

/// Every section, in the order a run without arguments executes them.
let sections: [any BenchmarkSection] = [
    KeccakBenchmark(),
    StateRootBenchmark(),
    BigStateBenchmark(),
    CLGenesisBenchmark(),
    ExtractBenchmark(),
    GethExtractBenchmark(),
    NodePathBenchmark(),
]

let requested = Array(CommandLine.arguments.dropFirst())
if requested.contains("-h") || requested.contains("--help") {
    print("usage: snapshotter-bench [section ...]   (no section: all)")
    for section in sections { print("  \(section.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(section.summary)") }
    exit(0)
}
let unknown = requested.filter { name in !sections.contains { $0.name == name } }
guard unknown.isEmpty else {
    let known = sections.map(\.name).joined(separator: ", ")
    printError("unknown section \(unknown.joined(separator: ", ")); known sections: \(known)")
    exit(2)
}
let selected = requested.isEmpty ? sections : sections.filter { requested.contains($0.name) }
for section in selected {
    print("== \(section.name): \(section.summary)")
    do {
        try await section.run()
    } catch {
        printError("section \(section.name) failed: \(error)")
        exit(1)
    }
}
print("peak resident memory: \(Format.bytes(peakResidentMemoryBytes()))")

/// Writes `message` to standard error, prefixed with the program's name.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("snapshotter-bench: \(message)\n".utf8))
}
