import Foundation
import SnapshotKit

// snapshotter-fuzz TARGET SECONDS OUT_DIR SEED_DIR...
//
// Mutation fuzzing of one parser of untrusted bytes for a bounded time, seeded with the project's fixture files
// found under the seed folders. Inputs that reach a new outcome (another error kind) join the corpus. A crash, a
// hang or a memory blow-up saves the input to OUT_DIR and exits non-zero (70, 71, 72); otherwise a summary is printed
// and the exit status is 0. `scripts/fuzz.sh` runs every target.

let arguments = CommandLine.arguments
guard arguments.count >= 4, let seconds = Double(arguments[2]),
      let target = FuzzTarget.all.first(where: { $0.name == arguments[1] }) else {
    let names = FuzzTarget.all.map(\.name).joined(separator: "|")
    FileHandle.standardError.write(Data("usage: snapshotter-fuzz \(names) SECONDS OUT_DIR SEED_DIR...\n".utf8))
    exit(2)
}
let outFolder = URL(fileURLWithPath: arguments[3])
try? FileManager.default.createDirectory(at: outFolder, withIntermediateDirectories: true)

var seeds: [[UInt8]] = [[]] + target.builtinSeeds
for folder in arguments.dropFirst(4) {
    let enumerator = FileManager.default.enumerator(atPath: folder)
    while let path = enumerator?.nextObject() as? String {
        guard target.seedSuffixes.contains(where: { path.hasSuffix($0) }) else { continue }
        let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
        // A large file seeds with its first 64 KiB, cut after a line: mutating a megabyte per run would be slow.
        guard let data = try? Data(contentsOf: url) else { continue }
        var bytes = [UInt8](data.prefix(64 << 10))
        if bytes.count < data.count, let end = bytes.lastIndex(of: UInt8(ascii: "\n")) { bytes.removeSubrange((end + 1)...) }
        seeds.append(bytes)
    }
}

CrashRecorder.install(folder: outFolder, target: target.name, hangSeconds: 10, memoryLimit: 2 << 30)
var corpus = seeds
var outcomes: [String: Int] = [:]
var mutator = Mutator()
let deadline = Date().addingTimeInterval(seconds)
var runs = 0
for seed in seeds {
    CrashRecorder.willRun(seed)
    outcomes[target.run(seed), default: 0] += 1
    CrashRecorder.didRun()
    runs += 1
}
while Date() < deadline {
    for _ in 0..<64 {
        let input = mutator.mutate(corpus.randomElement()!, splicing: corpus.randomElement()!)
        CrashRecorder.willRun(input)
        let outcome = target.run(input)
        CrashRecorder.didRun()
        runs += 1
        if outcomes[outcome] == nil, corpus.count < 4_096 { corpus.append(input) }
        outcomes[outcome, default: 0] += 1
    }
}
print("\(target.name): \(runs) inputs in \(Int(seconds)) s from \(seeds.count - 1) seeds, \(outcomes.count) distinct outcomes, no crash, hang or memory blow-up")
for (outcome, count) in outcomes.sorted(by: { $0.value > $1.value }).prefix(12) {
    print("  \(count)\t\(ExternalText.sanitized(outcome, limit: 200))")
}
