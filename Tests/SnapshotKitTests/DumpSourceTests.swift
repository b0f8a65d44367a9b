import Foundation
import SnapshotKit
import TestFixtures
import Testing

@Suite struct DumpSourceTests {
    private func write(_ lines: [String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dump-\(UUID().uuidString).jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url
    }

    private func read(_ url: URL, pageSize: Int = 256, root: [UInt8]? = nil) async throws -> (state: ExtractedState, pages: [[Account]], reports: [StateProgress]) {
        let source = DumpStateSource(url: url, pageSize: pageSize)
        let block = try PipelineFixture.block(stateRoot: root ?? DumpStateSource.root(of: url))
        let reports = Reports()
        var pages: [[Account]] = []
        for try await page in source.accountPages(StateSourceContext(block: block, concurrency: 1) { reports.append($0) }) {
            pages.append(page)
        }
        let state = try await StateExtractor(source: source, block: block, concurrency: 1).run { _ in }
        return (state, pages, reports.values)
    }

    /// One line per account, as `dump --iterative` writes it.
    private func line(_ account: Account) -> String {
        var members: [(key: String, value: JSONValue)] = [
            ("balance", .string(account.balance.decimalString)), ("nonce", .integer(account.nonce)),
            ("root", .string(Hex.encode(StateRoot.storageRoot(account.storage)))),
            ("codeHash", .string(Hex.encode(Keccak256.hash(account.code)))),
        ]
        if !account.code.isEmpty { members.append(("code", .string(Hex.encode(account.code)))) }
        if !account.storage.isEmpty {
            members.append(("storage", .object(account.storage.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map {
                (Hex.encode($0.key), .string(Hex.encode($0.value.trimmedBytes, prefixed: false)))
            })))
        }
        members.append(("address", .string(account.address.description)))
        members.append(("key", .string(Hex.encode(Keccak256.hash(account.address.bytes)))))
        return JSONWriter.string(.object(members))
    }

    private func sorted(_ accounts: [Account]) -> [Account] {
        FakeStateSource(accounts: accounts, pageSize: max(1, accounts.count)).pages.first ?? []
    }

    /// go-ethereum's cmd/evm/testdata/evmrun/3.out.1.txt: a one-account state and its root, in the whole-document
    /// form of `geth dump`; its account line is the same in the line-by-line form.
    @Test func readsGethsOwnDumpSample() async throws {
        let url = try TestFixtures.url("dumps/geth_dump_evmrun_3.out.1.json")
        let document = try JSONParser.parse([UInt8](Data(contentsOf: url)))
        let root = try #require(document["root"]?.stringValue)
        let (address, account) = try #require(document["accounts"]?.objectValue?.first)
        #expect(address == "0x0000000000000000000000007265636569766572")
        let lines = [JSONWriter.string(.object([("root", .string(root))])), JSONWriter.string(account)]
        let dump = try write(lines)
        defer { try? FileManager.default.removeItem(at: dump) }
        #expect(try DumpStateSource.root(of: dump) == [UInt8](hex: root))
        let result = try await read(dump)
        #expect(result.state.accounts == 1 && result.state.contracts == 1)
        #expect(result.pages == [[Account(address: try Address(hex: address), code: [0x60, 0x40])]])

        let whole = await #expect(throws: DumpError.self) { try await read(url, root: [UInt8](repeating: 0, count: 32)) }
        #expect(whole?.description.contains("write one object per line") == true)
    }

    @Test func readsAGeneratedDumpInPagesWithProgress() async throws {
        var accounts = try PipelineFixture.genesis().alloc
        for index in 0..<600 {
            let address = Address(bytes: Array(Keccak256.hash(Array("dump test \(index)".utf8)).suffix(20)))!
            var storage: [[UInt8]: UInt256] = [:]
            if index % 100 == 0 { for slot in 0..<5 { storage[UInt256(UInt64(slot)).bigEndianBytes] = UInt256(UInt64(index + slot + 1)) } }
            accounts.append(Account(address: address, nonce: UInt64(index % 3), balance: UInt256(UInt64(index) * 1_000_000_007),
                                    code: index % 100 == 0 ? [0x60, 0x00, UInt8(index % 256)] : [], storage: storage))
        }
        let ordered = sorted(accounts)
        let root = StateRoot.of(accounts)
        let dump = try write([#"{"root":"\#(Hex.encode(root))"}"#] + ordered.map(line))
        defer { try? FileManager.default.removeItem(at: dump) }

        let result = try await read(dump, pageSize: 256)
        #expect(result.pages.map(\.count) == [256, 256, 96])
        #expect(result.pages.flatMap { $0 } == ordered)
        #expect(result.state == ExtractedState(source: "state dump", stateRoot: root, accounts: 608, contracts: 11, storageSlots: 63))
        #expect(result.reports.map(\.accounts) == [256, 512, 608])
        #expect(result.reports.last?.fraction == 1)
        #expect(result.reports.last?.storageSlots == 63)
    }

    @Test func anEmptyStateHasOnlyTheRootLine() async throws {
        let dump = try write([#"{"root":"\#(Hex.encode(MerklePatriciaTrie.emptyRoot))"}"#, ""])
        defer { try? FileManager.default.removeItem(at: dump) }
        #expect(try await read(dump).state.accounts == 0)
    }

    private func failure(_ lines: [String], pageSize: Int = 256) async throws -> any Error {
        let dump = try write(lines)
        defer { try? FileManager.default.removeItem(at: dump) }
        do {
            _ = try await read(dump, pageSize: pageSize, root: [UInt8](repeating: 0, count: 32))
        } catch {
            return error
        }
        Issue.record("reading \(lines) succeeded")
        return CancellationError()
    }

    private var accounts: [Account] {
        sorted([Account(address: PipelineFixture.address(1), balance: 1), Account(address: PipelineFixture.address(2), balance: 2),
                Account(address: PipelineFixture.address(3), balance: 3)])
    }

    private let rootLine = #"{"root":"0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"}"#

    @Test func malformedLinesNameTheirLine() async throws {
        let good = accounts.map(line)
        let cases: [([String], Int?, String)] = [
            ([], nil, "the file is empty"),
            (["{", "  \"root\": \"00\""], 1, "pretty-printed"),
            ([#"{"root": "abc"}"#], 1, "not 32 bytes of hex"),
            ([good[0]], 1, "expected the root line"),
            ([rootLine, good[0], "{not json"], 3, "not JSON"),
            ([rootLine, good[0], "[1, 2]"], 3, "one account object per line"),
            ([rootLine, good[0], good[1].replacingOccurrences(of: #""balance":"\d+""#, with: #""balance":"two""#, options: .regularExpression)], 3, "balance: \"two\" is not a number"),
            ([rootLine, good[0].replacingOccurrences(of: #""nonce":0"#, with: #""nonce":-1"#)], 2, "nonce"),
            ([rootLine, good[0].replacingOccurrences(of: #""address":"0x"#, with: #""address":"0xzz"#)], 2, "not an address"),
            ([rootLine, good[0], good[1], good[2].replacingOccurrences(of: "\"key\":\"0x", with: "\"key\":\"0x00")], 4, "key"),
        ]
        for (lines, number, text) in cases {
            let error = try await failure(lines)
            let dumpError = try #require(error as? DumpError, "\(lines): \(error)")
            #expect(dumpError.line == number, "\(lines)")
            #expect(dumpError.description.contains(text), "\(dumpError.description)")
        }
    }

    /// Pages of one and two lines put the misplaced line first in its page (checked across pages, which are read
    /// concurrently) and inside a page; the message is the same.
    @Test(arguments: [1, 2, 256])
    func unsortedDumpsSaySo(pageSize: Int) async throws {
        let good = accounts.map(line)
        let unsorted = try await failure([rootLine, good[0], good[2], good[1]], pageSize: pageSize)
        let error = try #require(unsorted as? DumpError)
        #expect(error.line == 4)
        #expect(error.description.contains("is not sorted by key"))
        #expect(error.description.contains(accounts[1].address.description))
        let twice = try #require(try await failure([rootLine, good[0], good[1], good[1]], pageSize: pageSize) as? DumpError)
        #expect(twice.line == 4)
        #expect(twice.description.contains("lists account \(accounts[1].address) twice"))
    }

    /// With pages read concurrently, the first bad line in the file is the one reported, whichever page fails first.
    @Test func theFirstBadLineIsReported() async throws {
        let good = accounts.map(line)
        let error = try #require(try await failure([rootLine, good[0], "{not json", good[1], "[1]"], pageSize: 1) as? DumpError)
        #expect(error.line == 3)
        #expect(error.description.contains("not JSON"))
        // Line 4 starts the second page out of order; line 5, later in that page, is not JSON: line 4 is reported.
        let order = try #require(try await failure([rootLine, good[0], good[2], good[1], "{not json"], pageSize: 2) as? DumpError)
        #expect(order.line == 4)
        #expect(order.description.contains("is not sorted by key"))
    }

    /// Dumps of a node without preimages, or made with --nocode / --nostorage, are incomplete states (exit code 3),
    /// and say which line showed it.
    @Test func incompleteDumpsAreVerificationErrors() async throws {
        let good = accounts.map(line)
        let withoutAddress = good[1].replacingOccurrences(of: #""address":"\#(accounts[1].address)","#, with: "")
        let noAddress = try #require(try await failure([rootLine, good[0], withoutAddress]) as? StateVerificationError)
        #expect(noAddress.description.contains("line 3 lists the account with key \(Hex.encode(Keccak256.hash(accounts[1].address.bytes))) without its address"))
        #expect(noAddress.description.contains("preimages"))

        let contract = Account(address: PipelineFixture.address(9), code: [0x60, 0x00], storage: [[UInt8](repeating: 0, count: 32): 7])
        let noCode = line(contract).replacingOccurrences(of: #","code":"0x6000""#, with: "")
        let missingCode = try #require(try await failure([rootLine, noCode]) as? StateVerificationError)
        #expect(missingCode.description.contains("has code (codeHash \(Hex.encode(Keccak256.hash(contract.code)))) but the dump holds none"))
        let noStorage = line(contract).replacingOccurrences(of: #","storage":{"0x0000000000000000000000000000000000000000000000000000000000000000":"07"}"#, with: "")
        #expect(noStorage != line(contract))
        let missingStorage = try #require(try await failure([rootLine, noStorage]) as? StateVerificationError)
        #expect(missingStorage.description.contains("has storage"))
    }

    @Test func aMissingFileIsADumpError() {
        let path = "/nonexistent/\(UUID().uuidString).jsonl"
        #expect(throws: DumpError(path: path, line: nil, reason: "no such file")) { try DumpStateSource.root(of: URL(fileURLWithPath: path)) }
    }

    /// A line longer than the bound (geth writes a contract's whole storage on one line) fails naming the bound,
    /// having read no more than the bound and one chunk.
    @Test func aLineOverTheBoundSaysSo() async throws {
        let contract = Account(address: PipelineFixture.address(9), code: [0x60, 0x00], storage: Dictionary(uniqueKeysWithValues: (1...200).map {
            (UInt256(UInt64($0)).bigEndianBytes, UInt256(UInt64($0)))
        }))
        let url = try write([rootLine, line(contract)])
        defer { try? FileManager.default.removeItem(at: url) }
        let source = DumpStateSource(url: url, maximumLineBytes: 4096)
        let block = try PipelineFixture.block(stateRoot: DumpStateSource.root(of: url))
        let error = await #expect(throws: DumpError.self) {
            for try await _ in source.accountPages(StateSourceContext(block: block, concurrency: 1) { _ in }) {}
        }
        #expect(error?.line == 2)
        #expect(error?.description.contains("the line is longer than 4 KiB, the most one account (with its storage) may take") == true)
        #expect(DumpStateSource.defaultMaximumLineBytes == 256 << 20)
    }

    /// A file without line breaks fails at once on its first line instead of filling memory.
    @Test(.enabled(if: FileManager.default.isReadableFile(atPath: "/dev/zero"), "needs /dev/zero"))
    func devZeroFailsFast() {
        let path = "/dev/zero"
        #expect(throws: DumpError(path: path, line: 1, reason: "no line break in the first 64 KiB; expected a JSON-lines dump whose first line is {\"root\": \"0x…\"}")) {
            try DumpStateSource.root(of: URL(fileURLWithPath: path))
        }
    }
}
