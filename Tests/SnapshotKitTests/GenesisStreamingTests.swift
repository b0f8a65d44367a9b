import Foundation
import Testing
@testable import SnapshotKit

/// `GenesisReader`, `Summary` and the bounded-memory state root: the streaming path reads exactly what the
/// in-memory parser reads, on odd-but-valid files too, and stops at its bounds.
@Suite struct GenesisStreamingTests {
    /// The library's summary (the suite's module has a fixture type of the same name).
    private typealias Summary = SnapshotKit.GenesisSummary

    private func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("genesis-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        return url
    }

    private func address(_ last: UInt32) -> Address {
        var bytes = [UInt8](repeating: 0, count: 16)
        withUnsafeBytes(of: last.bigEndian) { bytes.append(contentsOf: $0) }
        return Address(bytes: bytes)!
    }

    private func accounts(_ count: Int) -> [Account] {
        (0..<count).map { (index: Int) -> Account in
            let value = UInt64(index)
            let isContract = index % 10 == 0
            let code: [UInt8] = isContract ? [0x60, UInt8(truncatingIfNeeded: index)] : []
            let storage: [[UInt8]: UInt256] = isContract ? [UInt256(value).bigEndianBytes: UInt256(value + 1)] : [:]
            return Account(address: address(UInt32(index) + 1), nonce: value % 3, balance: UInt256(value * 7 + 1),
                           code: code, storage: storage)
        }
    }

    /// The streaming reader and the in-memory parser agree on `text`.
    private func expectSameAsInMemory(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = try file(text)
        defer { try? FileManager.default.removeItem(at: url) }
        let inMemory = try GenesisFile(bytes: Array(text.utf8))
        #expect(try GenesisFile(contentsOf: url) == inMemory, sourceLocation: sourceLocation)
        #expect(try Summary(contentsOf: url) == Summary(inMemory), sourceLocation: sourceLocation)
    }

    @Test func networkGenesisFilesReadTheSameStreamed() throws {
        for name in ["mainnet", "sepolia", "hoodi", "holesky", "cl-genesis-a"] {
            let url = try GenesisFixture.url(GenesisFixture.path(of: name))
            let inMemory = try GenesisFile(bytes: [UInt8](Data(contentsOf: url)))
            let summary = try Summary(contentsOf: url)
            #expect(summary == Summary(inMemory), "\(name)")
            #expect(summary.header().hash() == inMemory.header().hash(), "\(name)")
        }
    }

    @Test func allocBeforeConfigAndOtherFields() throws {
        try expectSameAsInMemory("""
            {"alloc": {"0x0000000000000000000000000000000000000002": {"balance": "0x10", "storage": {"0x01": "0x02"}},
                       "0x0000000000000000000000000000000000000001": {"balance": "5", "code": "0x6000"}},
             "config": {"chainId": 7, "londonBlock": 0}, "gasLimit": "0x1c9c380", "difficulty": "0x0", "timestamp": 12}
            """)
        try expectSameAsInMemory("""
            {"gasLimit": "1", "alloc": {"0x0000000000000000000000000000000000000003": {}}, "difficulty": "1", "config": {}}
            """)
    }

    @Test func whitespaceEscapesAndEmptyAlloc() throws {
        try expectSameAsInMemory(" \n\t{ \"gasLimit\" :\"1\" ,\r\n \"difficulty\":\"1\",\"alloc\" : { } } \n")
        // `\u0061lloc` is "alloc"; escaped characters in addresses, values and member names; a `/` in a comment.
        try expectSameAsInMemory(#"""
            {"gasLimit": "1", "difficulty": "1", "extraData": "0x\u0061b", "\u0061lloc": {
              "0x00000000000000000000000000000000000000\u0030f": {"balance": "0x\u0031", "comment": "a \"quoted\" \\ } { / text"},
              "0x000000000000000000000000000000000000000e": {"wei": 3, "storage": {"0x\u0030": "0x1", "0x02": "0x0"}}}}
            """#)
    }

    @Test func hugeStorageReadsAndBoundsStop() throws {
        let slots = (1...20_000).map { "\"0x\(String($0, radix: 16))\": \"0x\(String($0 * 3, radix: 16))\"" }
        let text = #"{"gasLimit": "1", "difficulty": "1", "alloc": {"0x00000000000000000000000000000000000000aa": {"balance": "1", "storage": {"#
            + slots.joined(separator: ", ") + "}}}}"
        try expectSameAsInMemory(text)
        let url = try file(text)
        defer { try? FileManager.default.removeItem(at: url) }
        let reader = try GenesisReader(contentsOf: url, maximumValueBytes: 64 << 10)
        #expect(throws: GenesisError.valueTooLarge(path: url.path, offset: 93, limit: 64 << 10)) {
            try reader.forEachAccount { _ in }
        }
        #expect(GenesisError.valueTooLarge(path: "g.json", offset: 59, limit: 256 << 20).description.contains("256 MiB"))
    }

    @Test func errorsMatchTheInMemoryParser() throws {
        for text in [
            #"{"gasLimit": "1", "difficulty": "1"}"#,
            #"{"gasLimit": "1", "difficulty": "1", "alloc": null}"#,
            #"{"gasLimit": "1", "alloc": {}}"#,
            #"{"gasLimit": "1", "difficulty": "1", "alloc": {"0x01": {}}}"#,
            #"{"gasLimit": "1", "difficulty": "1", "alloc": {"0x0000000000000000000000000000000000000001": {"balance": "lots"}}}"#,
            #"{"gasLimit": "1", "difficulty": "1", "alloc": {"0x00000000000000000000000000000000000000aa": {}, "0x00000000000000000000000000000000000000AA": {}}}"#,
        ] {
            let url = try file(text)
            defer { try? FileManager.default.removeItem(at: url) }
            let inMemory = #expect(throws: GenesisError.self) { try GenesisFile(bytes: Array(text.utf8)) }
            let streamed = #expect(throws: GenesisError.self) { try GenesisFile(contentsOf: url) }
            #expect(streamed == inMemory, "\(text)")
            let summary = #expect(throws: GenesisError.self) { try Summary(contentsOf: url) }
            #expect(summary == inMemory, "\(text)")
        }
        let truncated = try file(#"{"gasLimit": "1", "difficulty": "1", "alloc": {"0x0000000000000000000000000000000000000001": {"#)
        defer { try? FileManager.default.removeItem(at: truncated) }
        #expect(throws: GenesisError.self) { try Summary(contentsOf: truncated) }
        let folder = FileManager.default.temporaryDirectory
        #expect(throws: GenesisError.unreadable(path: folder.path, reason: "it is a directory")) { try GenesisReader(contentsOf: folder) }
    }

    /// Chunks of the alloc are decoded concurrently: with two bad accounts far apart, the one earlier in the file is
    /// reported, as the in-memory parser reports it.
    @Test func theFirstBadAccountOfALargeAllocIsReported() throws {
        var members = (0..<3_000).map { index in
            "\"0x\(String(format: "%040x", index + 1))\": {\"balance\": \"\(index)\"}"
        }
        members[1_500] = "\"0x\(String(format: "%040x", 99_999))\": {\"balance\": \"lots\"}"
        members[2_600] = "\"0x01\": {}"
        let text = "{\"gasLimit\": \"1\", \"difficulty\": \"1\", \"alloc\": {" + members.joined(separator: ",\n") + "}}"
        let url = try file(text)
        defer { try? FileManager.default.removeItem(at: url) }
        let inMemory = #expect(throws: GenesisError.self) { try GenesisFile(bytes: Array(text.utf8)) }
        let summary = #expect(throws: GenesisError.self) { try Summary(contentsOf: url) }
        #expect(summary == inMemory)
        #expect(summary.map { "\($0)" }?.contains("lots") == true)
    }

    @Test(arguments: [false, true]) func allocRootInAnyOrderWithSpills(sorting: Bool) throws {
        let all = accounts(2_000)
        let expected = StateRoot.of(all)
        let byKey = all.sorted { Keccak256.hash($0.address.bytes).lexicographicallyPrecedes(Keccak256.hash($1.address.bytes)) }
        for order in [all, byKey, all.reversed()] {
            let builder = AllocRootBuilder(sorting: sorting, memoryBudget: 4096)
            for account in order { try builder.append(account) }
            #expect(try builder.finish() == expected)
        }
    }

    @Test func inOrderThenOutOfOrderAsksForASortingPass() throws {
        let byKey = accounts(500).sorted { Keccak256.hash($0.address.bytes).lexicographicallyPrecedes(Keccak256.hash($1.address.bytes)) }
        let builder = AllocRootBuilder(memoryBudget: 4096)
        #expect(throws: AllocRootBuilder.OrderChanged.self) {
            for account in byKey + [byKey[0]] { try builder.append(account) }
        }
        let small = AllocRootBuilder()
        #expect(throws: GenesisError.duplicateAccount(byKey[2].address)) {
            for account in byKey.prefix(3) + [byKey[2]] { try small.append(account) }
        }
        let spilled = AllocRootBuilder(sorting: true, memoryBudget: 4096)
        for account in byKey + [byKey[7]] { try spilled.append(account) }
        #expect(throws: GenesisError.duplicateAccount(byKey[7].address)) { try spilled.finish() }
    }

    /// Address order (sorted on disk), key order (straight into the trie) and key order broken after the first
    /// buffer went into the trie (read again, sorting).
    @Test func summaryOfLargeFilesInEveryOrder() throws {
        let all = accounts(3_000)
        let byKey = all.sorted { Keccak256.hash($0.address.bytes).lexicographicallyPrecedes(Keccak256.hash($1.address.bytes)) }
        let parameters = try GenesisParameters(json: JSONParser.parse(#"{"gasLimit": "1", "difficulty": "1", "config": {"chainId": 1}}"#))
        let expected = Summary(parameters: parameters, accounts: 3_000, contracts: 300, storageSlots: 300, stateRoot: StateRoot.of(all))
        for order in [all, byKey, Array(byKey.dropFirst()) + [byKey[0]]] {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("genesis-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: url) }
            try GenesisFile(parameters: parameters, alloc: order).write(to: url)
            let reports = LockedState<[StateProgress]>([])
            let summary = try Summary(contentsOf: url, temporaryFolder: FileManager.default.temporaryDirectory, memoryBudget: 4096) { report in
                reports.withLock { $0.append(report) }
            }
            #expect(summary == expected)
            // A report a page (of at most 512 accounts): counts and the position in the file only grow, up to the
            // last account. An alloc that turns out unsorted is read twice: the last pass starts at its first page.
            let seen = reports.withLock { $0 }
            let lastPass = Array(seen[(seen.lastIndex { $0.accounts <= 512 } ?? 0)...])
            #expect(lastPass.count >= 3_000 / 512)
            #expect(zip(lastPass, lastPass.dropFirst()).allSatisfy { $0.accounts < $1.accounts && ($0.fraction ?? 0) < ($1.fraction ?? 0) })
            #expect(lastPass.last?.accounts == 3_000 && lastPass.last?.storageSlots == 300 && (lastPass.last?.fraction ?? 0) > 0.99)
            #expect(seen.allSatisfy { $0.phase == "reading the alloc" })
        }
    }
}

/// The plain-form decoders give exactly what the JSON path gives, or step aside (`nil`) for it.
@Suite struct PlainAccountDecodingTests {
    private let address = Address(bytes: [UInt8](repeating: 0xab, count: 20))!

    @Test func plainAccountsMatchTheJSONPath() throws {
        let values = [
            #"{}"#, #"{"balance": "0x10"}"#, #"{"balance": "16"}"#, #"{"balance": 16}"#, #"{"balance": "0x"}"#, #"{"balance": ""}"#,
            #"{"balance": "0X1F", "nonce": "0x0"}"#, #"{"nonce": 7, "balance": "0"}"#, #"{"nonce": "0x10000000000000000"}"#,
            #"{"balance": "0x" "#, #"{"balance": "lots"}"#, #"{"balance": -1}"#, #"{"balance": 1.5}"#, #"{"balance": 01}"#,
            #"{"balance": "1"} x"#, #"{"Balance": "1"}"#, #"{"wei": "1"}"#, #"{"balance": null}"#, #"{"balance": "\u0031"}"#,
            #"{"code": "0x6000"}"#, #"{"code": "6000"}"#, #"{"code": "0x600"}"#, #"{"code": "0xzz"}"#, #"{"code": ""}"#,
            #"{"storage": {"0x01": "0x02", "0x03": "0x00", "0x": "0x5"}}"#, #"{"storage": {"1": "10", "0x0001": "0xabc"}}"#,
            #"{"storage": {"0x01": "0x02", "0x1": "0x03"}}"#, #"{"storage": {"0x01": 2}}"#, #"{"storage": {}}"#,
            "{\"storage\": {\"0x\(String(repeating: "f", count: 64))\": \"0x\(String(repeating: "0", count: 10))\(String(repeating: "e", count: 64))\"}}",
            "{\"storage\": {\"0x1\(String(repeating: "f", count: 64))\": \"0x1\"}}",
            #"{"balance": "1", "balance": "2"}"#, #"{"balance": "1", "secretKey": "0x01"}"#, #"{ "balance" : "0x1" , "nonce" : 2 }"#,
            "{\"balance\": \"\(String(repeating: "9", count: 78))\"}", "{\"balance\": \"\(String(repeating: "9", count: 80))\"}",
        ]
        var scratch = FlatJSONObject()
        for text in values {
            let bytes = Array(text.utf8)
            let plain = bytes.withUnsafeBufferPointer { GenesisAlloc.plainAccount(address: address, bytes: $0, scratch: &scratch) }
            let full: Account? = try? JSONParser.parse(bytes).map { try GenesisAlloc.account(key: address.description, json: $0) }
            if let plain { #expect(plain == full, "\(text)") }
        }
        let canonical = Array(#"{"balance": "0x1", "nonce": "0x2", "code": "0x6000", "storage": {"0x01": "0x02"}}"#.utf8)
        #expect(canonical.withUnsafeBufferPointer { GenesisAlloc.plainAccount(address: address, bytes: $0, scratch: &scratch) } != nil,
                "the writer's form takes the plain path")
    }
}

extension JSONValue {
    fileprivate func map<T>(_ body: (JSONValue) throws -> T) rethrows -> T { try body(self) }
}

extension AllocRootBuilder {
    /// Adds one account, its entry computed here, as `GenesisSummary` adds the entries it computed on all cores.
    fileprivate func append(_ account: Account) throws {
        let entry = StateRoot.entry(of: account)
        try append(key: entry.key, leaf: entry.leaf, of: account.address)
    }
}
