import Testing
@testable import SnapshotKit

/// The encodings a genesis reader meets in the wild, and its errors.
@Suite struct GenesisReadingTests {
    private func genesis(_ text: String) throws(GenesisError) -> GenesisFile { try GenesisFile(bytes: Array(text.utf8)) }

    private func failure(_ text: String) -> GenesisError? {
        do { _ = try genesis(text); return nil } catch { return error }
    }

    @Test func acceptsEveryAllocEncoding() throws {
        let file = try genesis("""
            {"gasLimit": "0x1", "difficulty": "1", "alloc": {
              "0x0000000000000000000000000000000000000001": {"balance": "1000"},
              "0000000000000000000000000000000000000002": {"balance": "0x3e8", "nonce": 7},
              "0x000000000000000000000000000000000000000A": {"Balance": 1000, "nonce": "0x7", "secretKey": "0x11"},
              "0x0000000000000000000000000000000000000004": {"balance": "0", "nonce": "7", "code": "6000",
                "storage": {"0x01": "0x02", "0x0000000000000000000000000000000000000000000000000000000000000003": "04",
                            "0x05": "0x0000000000000000000000000000000000000000000000000000000000000000", "6": "0x"}},
              "0x0000000000000000000000000000000000000005": {}
            }}
            """)
        #expect(file.alloc.map { $0.address.bytes[19] } == [1, 2, 10, 4, 5])
        #expect(file.alloc[0].balance == 1000 && file.alloc[1].balance == 1000 && file.alloc[2].balance == 1000)
        #expect(file.alloc[1].nonce == 7 && file.alloc[2].nonce == 7 && file.alloc[3].nonce == 7)
        #expect(file.alloc[3].code == [0x60, 0x00])
        let slot = { (last: UInt8) in [UInt8](repeating: 0, count: 31) + [last] }
        #expect(file.alloc[3].storage == [slot(1): 2, slot(3): 4], "zero values dropped, keys padded, values hex")
        #expect(file.alloc[4] == Account(address: try Address(hex: "0x0000000000000000000000000000000000000005")))
    }

    @Test func readsHeaderFieldsLikeGo() throws {
        let file = try genesis("""
            {"config": {"chainId": "0x1", "londonBlock": "0"}, "nonce": "0x42", "timestamp": "1742212800",
             "extraData": "", "GASLIMIT": 30000000, "difficulty": "0x400000000",
             "mixhash": "0x0000000000000000000000000000000000000000000000000000000000000001",
             "coinbase": "8888f1f195afa192cfee860698584c030f4c9db1", "number": null, "baseFeePerGas": null,
             "excessBlobGas": "0x60000", "stateRoot": "0xignored", "alloc": {}}
            """)
        let parameters = file.parameters
        #expect(parameters.config.chainId == 1)
        #expect(parameters.nonce == 0x42 && parameters.timestamp == 1_742_212_800 && parameters.gasLimit == 30_000_000)
        #expect(parameters.extraData.isEmpty && parameters.number == 0)
        #expect(parameters.mixHash.last == 1)
        #expect(parameters.coinbase.description == "0x8888f1f195afa192cfee860698584c030f4c9db1")
        #expect(parameters.baseFeePerGas == nil && parameters.excessBlobGas == 0x60000 && parameters.blobGasUsed == nil)
        #expect(file.header().baseFeePerGas == GenesisHeader.initialBaseFee)
    }

    @Test func errorsNameTheFieldAndAccount() {
        #expect(failure(#"{"difficulty": "0x1", "alloc": {}}"#) == .missingField("gasLimit"))
        #expect(failure(#"{"gasLimit": "0x1", "alloc": {}}"#) == .missingField("difficulty"))
        #expect(failure(#"{"gasLimit": "0x1", "difficulty": "0x1"}"#) == .missingField("alloc"))
        #expect(failure(#"{"gasLimit": "0x1", "difficulty": "0x1", "alloc": null}"#) == .missingField("alloc"))
        let badBalance = failure(#"{"gasLimit": "1", "difficulty": "1", "alloc": {"0x0000000000000000000000000000000000000001": {"balance": "lots"}}}"#)
        #expect(badBalance?.description == #"genesis alloc 0x0000000000000000000000000000000000000001 balance: "lots" is not a number (write decimal digits or 0x hex)"#)
        let duplicate = failure(#"{"gasLimit": "1", "difficulty": "1", "alloc": {"0x00000000000000000000000000000000000000aa": {}, "0x00000000000000000000000000000000000000AA": {}}}"#)
        #expect(duplicate?.description == "genesis alloc lists 0x00000000000000000000000000000000000000aa more than once")
        let badKey = failure(#"{"gasLimit": "1", "difficulty": "1", "alloc": {"0x01": {}}}"#)
        #expect(badKey?.description.contains("alloc key") == true)
        let longSlot = failure(#"{"gasLimit": "1", "difficulty": "1", "alloc": {"0x0000000000000000000000000000000000000001": {"storage": {"0x"# + String(repeating: "1", count: 66) + #"": "0x1"}}}}"#)
        #expect(longSlot?.description.contains("alloc 0x0000000000000000000000000000000000000001 storage") == true)
        let oddCode = failure(#"{"gasLimit": "1", "difficulty": "1", "alloc": {"0x0000000000000000000000000000000000000001": {"code": "0x600"}}}"#)
        #expect(oddCode?.description.contains("code") == true)
        let badHash = failure(#"{"gasLimit": "1", "difficulty": "1", "mixHash": "0x01", "alloc": {}}"#)
        #expect(badHash == .invalidField(field: "mixHash", reason: "expected 32 bytes (64 hex digits), found 1"))
        let badFork = failure(#"{"config": {"londonBlock": "soon"}, "gasLimit": "1", "difficulty": "1", "alloc": {}}"#)
        #expect(badFork?.description == #"genesis config.londonBlock: "soon" is not a number (write decimal digits or 0x hex)"#)
        if case .invalidJSON? = failure(#"{"gasLimit": "#) {} else { Issue.record("truncated JSON must be invalidJSON") }
        for error in [badBalance, duplicate, badKey, longSlot, oddCode, badHash, badFork] {
            #expect(error?.description.contains("\n") == false)
        }
    }
}
