import Foundation
import SnapshotKit

/// One parser of untrusted bytes, with the fixture files that seed it.
struct FuzzTarget: Sendable {
    let name: String
    /// File names (or suffixes) of the project's fixtures that are good seeds.
    let seedSuffixes: [String]
    /// Seeds made here, for formats the fixtures hold no files of.
    var builtinSeeds: [[UInt8]] = []
    /// Feeds one input to the parser; thrown errors are the expected outcome of bad input. Returns a short outcome
    /// label (the error's kind), used to keep inputs that reach new outcomes.
    let run: @Sendable ([UInt8]) -> String

    static let all: [FuzzTarget] = [rlp, json, genesis, ssz, config, mnemonics, kurtosis, dump]

    static let rlp = FuzzTarget(name: "rlp", seedSuffixes: [".rlp"], builtinSeeds: [
        RLP.encode(bytes: [1, 2, 3]),
        RLP.encode(bytes: [UInt8](repeating: 0xAB, count: 60)),
        RLP.encodeList([RLP.encode(UInt64(1024)), RLP.encode(bytes: [UInt8](repeating: 0xCD, count: 300))]),
        RLP.encodeList([RLP.encodeList([RLP.encode(UInt64(0)), RLP.encodeList([])]), RLP.encode(UInt64.max)]),
    ]) { bytes in
        outcome { () throws(RLPError) in _ = try RLP.decode(bytes) }
    }

    static let json = FuzzTarget(name: "json", seedSuffixes: [".json"]) { bytes in
        outcome { () throws(JSONParser.SyntaxError) in _ = try JSONParser.parse(bytes) }
    }

    static let genesis = FuzzTarget(name: "genesis", seedSuffixes: ["genesis.json"]) { bytes in
        outcome { () throws(GenesisError) in
            let file = try GenesisFile(bytes: bytes)
            _ = file.header()
        }
    }

    static let ssz = FuzzTarget(name: "ssz", seedSuffixes: [".ssz"]) { bytes in
        var labels: [String] = []
        for fork in [ConsensusFork.electra, .fulu] {
            labels.append(outcome { () throws(SSZError) in
                _ = try BeaconState(decoding: bytes, fork: fork, preset: .minimal)
            })
        }
        return labels.joined(separator: "|")
    }

    static let config = FuzzTarget(name: "config", seedSuffixes: ["config.yaml"]) { bytes in
        outcome { () throws(ConsensusGenesisError) in
            let config = try ConsensusConfig(yaml: String(decoding: bytes, as: UTF8.self))
            _ = config.yaml
        }
    }

    static let mnemonics = FuzzTarget(name: "mnemonics", seedSuffixes: ["mnemonics.yaml"]) { bytes in
        outcome { () throws(ConsensusGenesisError) in
            _ = try MnemonicsFile(yaml: String(decoding: bytes, as: UTF8.self))
        }
    }

    static let kurtosis = FuzzTarget(name: "kurtosis", seedSuffixes: [".txt", "-geth-lighthouse.json"]) { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        typealias Failure = KurtosisOutputParser.Failure
        return [
            outcome { () throws(Failure) in _ = try KurtosisOutputParser.enclaves(text) },
            outcome { () throws(Failure) in _ = try KurtosisOutputParser.enclaveInspection(text) },
            outcome { () throws(Failure) in _ = try KurtosisOutputParser.serviceInspection(text) },
            outcome { () throws(Failure) in _ = try KurtosisOutputParser.portAddress(text) },
            outcome { () throws(Failure) in _ = try KurtosisOutputParser.port(text) },
        ].joined(separator: "|")
    }

    /// A geth `dump --iterative` file: its root line, then every account line.
    static let dump = FuzzTarget(name: "dump", seedSuffixes: [".jsonl"]) { bytes in
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("snapshotter-fuzz-\(getpid()).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        guard (try? Data(bytes).write(to: file)) != nil else { return "unwritable" }
        let root = outcome { () throws(DumpError) in _ = try DumpStateSource.root(of: file) }
        let block = PinnedBlock.offline(stateRoot: [UInt8](repeating: 0, count: 32), number: 0, genesis: dumpGenesis)
        let pages = DumpStateSource(url: file, pageSize: 16).accountPages(
            StateSourceContext(block: block, concurrency: 1, progress: { _ in }))
        let accounts = blocking {
            do {
                for try await _ in pages {}
                return "ok"
            } catch {
                return label(of: error)
            }
        }
        return root + "|" + accounts
    }
}

/// The genesis fields a dump's offline block takes its header fields from.
private let dumpGenesis: GenesisParameters = {
    let json = try! JSONParser.parse(#"""
        {"config":{"chainId":1},"nonce":"0x0","timestamp":"0x0","extraData":"0x","gasLimit":"0x1c9c380","difficulty":"0x1",
         "mixHash":"0x0000000000000000000000000000000000000000000000000000000000000000",
         "coinbase":"0x0000000000000000000000000000000000000000","alloc":{}}
        """#)
    return try! GenesisParameters(json: json)
}()

/// `ok`, or the kind of error `body` threw (its case name).
func outcome<E: Error>(_ body: () throws(E) -> Void) -> String {
    do {
        try body()
        return "ok"
    } catch {
        return label(of: error)
    }
}

/// The type of an error and its message with numbers and quoted values taken out (`GenesisError: alloc # …`): inputs
/// that reach another message reach other code.
func label(of error: any Error) -> String {
    var text = ""
    var quoted = false
    for character in String(describing: error).prefix(120) {
        if character == "\"" { quoted.toggle(); continue }
        if quoted { continue }
        if character.isNumber {
            if !text.hasSuffix("#") { text.append("#") }
            continue
        }
        text.append(character)
    }
    return "\(type(of: error)): \(text)"
}

/// Runs an async body to completion from synchronous code (the harness is single-threaded by design).
func blocking(_ body: @escaping @Sendable () async -> String) -> String {
    let result = FuzzBox()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        result.value = await body()
        done.signal()
    }
    done.wait()
    return result.value
}

/// A value handed from a task to the waiting thread; the semaphore orders the accesses.
final class FuzzBox: @unchecked Sendable {
    var value = ""
}
