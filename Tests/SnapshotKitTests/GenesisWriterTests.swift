import Foundation
import Testing
@testable import SnapshotKit

/// The portable genesis form: same state and block after a round trip, and the shape every client reads.
@Suite struct GenesisWriterTests {
    @Test(arguments: ["mainnet", "sepolia", "hoodi", "holesky", "cl-genesis-a"])
    func roundTripKeepsRootAndHash(_ name: String) throws {
        let original = try GenesisFixture.genesis(name)
        let bytes = original.portableJSON()
        let reread = try GenesisFile(bytes: bytes)
        #expect(reread.alloc == original.alloc)
        // Same alloc, so the same state root: compute it once for both headers.
        let root = original.stateRoot()
        let header = GenesisHeader(parameters: original.parameters, stateRoot: root)
        #expect(GenesisHeader(parameters: reread.parameters, stateRoot: root) == header)
        #expect(reread.parameters.config.json == original.parameters.config.portable().json)
        // Writing what was read gives the same bytes again.
        #expect(reread.portableJSON() == bytes)
    }

    /// The rules of the portable form, checked on the written JSON of a genesis with contracts, storage, nonces,
    /// decimal balances and checksummed addresses in its source (cl-genesis case a).
    @Test func portableShape() throws {
        let written = try JSONParser.parse(GenesisFixture.genesis("cl-genesis-a").portableJSON())
        let members = try #require(written.objectValue)
        #expect(members.map(\.key) == [
            "config", "nonce", "timestamp", "extraData", "gasLimit", "difficulty", "mixHash", "coinbase", "number",
            "gasUsed", "parentHash", "baseFeePerGas", "excessBlobGas", "blobGasUsed", "alloc",
        ])
        #expect(written["config"]?["chainId"] == .number("3151908") && written["config"]?["osakaTime"] == .number("0"))
        #expect(written["timestamp"] == .string("0x6553f100") && written["baseFeePerGas"] == .string("0x3b9aca00"))
        let alloc = try #require(written["alloc"]?.objectValue)
        #expect(alloc.count == 8)
        for (address, account) in alloc {
            #expect(address == address.lowercased() && address.hasPrefix("0x") && address.count == 42)
            let fields = try #require(account.objectValue).map(\.key)
            #expect(Set(fields).isSubset(of: ["balance", "nonce", "code", "storage"]) && fields.first == "balance")
            #expect(account["balance"]?.stringValue?.hasPrefix("0x") == true)
            if let nonce = account["nonce"] {
                // Besu reads an alloc nonce as hex whether or not it has 0x: the text must say the same either way.
                let text = try #require(nonce.stringValue)
                #expect(text.hasPrefix("0x") && UInt64(text.dropFirst(2), radix: 16) ?? 0 > 0)
            }
            for (slot, value) in account["storage"]?.objectValue ?? [] {
                let text = try #require(value.stringValue)
                #expect(slot.count == 66 && slot.hasPrefix("0x") && text.count == 66 && text.hasPrefix("0x"))
                #expect(UInt256(hex: text)?.isZero == false)
            }
        }
        #expect(alloc.first?.value["nonce"] == nil, "the deposit contract's nonce is 0 and omitted")
        #expect(alloc[1].value["nonce"] == .string("0x1"))
        #expect(alloc[7].value["balance"] == .string("0x33b2e3c9fd0803ce8000000"), "decimal balance written as hex")
    }

    /// A large alloc reaches the output in chunks while it is being written, not at the end.
    @Test func streamsAccountsAsTheyCome() throws {
        let source = try GenesisFixture.genesis("sepolia")
        var chunks: [[UInt8]] = []
        let writer = try GenesisWriter(parameters: source.parameters, destination: "(test)") { chunks.append($0) }
        var accounts: [Account] = []
        for index in 0..<30_000 {
            var address = [UInt8](repeating: 0, count: 20)
            address[16] = UInt8(index >> 16); address[17] = UInt8((index >> 8) & 0xff); address[18] = UInt8(index & 0xff)
            address[19] = 1
            let account = Account(address: Address(bytes: address)!, nonce: UInt64(index), balance: UInt256(UInt64(index) * 1_000_000_007))
            accounts.append(account)
            try writer.append(account)
        }
        #expect(chunks.count >= 2, "flushed before finish")
        try writer.finish()
        #expect(writer.accountCount == 30_000)
        let bytes = chunks.flatMap { $0 }
        #expect(writer.byteCount == bytes.count)
        let reread = try GenesisFile(bytes: bytes)
        #expect(reread.alloc == accounts)
        #expect(reread.parameters == source.parameters.withPortableConfig)
    }

    @Test func writesAFileAndAnEmptyAlloc() throws {
        let source = try GenesisFixture.genesis("hoodi")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("genesis-writer-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try source.write(to: url)
        #expect(try GenesisFile(contentsOf: url).header().hash() == source.header().hash())
        let empty = GenesisFile(parameters: source.parameters, alloc: [])
        let reread = try GenesisFile(bytes: empty.portableJSON())
        #expect(reread.alloc.isEmpty)
        #expect(reread.header().stateRoot == MerklePatriciaTrie.emptyRoot)
    }
}

extension GenesisParameters {
    /// These parameters with the config in its portable form, as a written file reads back.
    var withPortableConfig: GenesisParameters {
        var copy = self
        copy.config = config.portable()
        return copy
    }
}
