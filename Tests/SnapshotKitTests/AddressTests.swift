import Foundation
import TestFixtures
import Testing
@testable import SnapshotKit

/// Address parsing and EIP-55 checksums.
@Suite struct AddressTests {
    /// ethereum/ERCs @ 26abfcfdeb2d541c52f725ff74f6d02ec607dd35: ERCS/erc-55.md, "Test Cases" (all caps, all lower,
    /// normal); go-ethereum's common/types_test.go `TestAddressHexChecksum` uses the last four too.
    static let eip55 = [
        "0x52908400098527886E0F7030069857D2E4169EE7", "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77", "0x27b1fdb04752bbc536007a920d24acb045561c26",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    ]

    @Test(arguments: eip55)
    func checksumMatchesEIP55(_ checksummed: String) throws {
        let address = try Address(hex: checksummed.lowercased())
        #expect(address.checksummed == checksummed)
        #expect(try Address(hex: checksummed) == address)
        #expect(address.description == checksummed.lowercased())
    }

    /// ethpandaops' genesis generator writes alloc keys in EIP-55 form (cl-genesis case a): each must round-trip.
    @Test func generatorAllocKeysAreChecksummed() throws {
        let url = try TestFixtures.url("cl-genesis/a-minimal-fulu-8val-0x01/genesis.json")
        let json = try JSONParser.parse([UInt8](Data(contentsOf: url)))
        let keys = try #require(json["alloc"]?.objectValue?.map(\.key))
        #expect(keys.count == 8)
        for key in keys { #expect(try Address(hex: key).checksummed == key) }
    }

    @Test func acceptsEveryPrefixAndCase() throws {
        let expected = "0x9ca0e998df92c5351cecbbb6dba82ac2266f7e0c"
        for text in ["9ca0e998df92c5351cecbbb6dba82ac2266f7e0c", "0x9CA0E998DF92C5351CECBBB6DBA82AC2266F7E0C", "0X9ca0e998df92c5351cecbbb6dba82ac2266f7e0c"] {
            #expect(try Address(hex: text).description == expected)
        }
        #expect(Address.zero.description == "0x" + String(repeating: "0", count: 40))
    }

    @Test(arguments: ["", "0x", "0x9ca0e998df92c5351cecbbb6dba82ac2266f7e0", "9ca0e998df92c5351cecbbb6dba82ac2266f7e0c00", "0xzca0e998df92c5351cecbbb6dba82ac2266f7e0c"])
    func rejectsWrongLengthsAndDigits(_ text: String) {
        #expect(throws: Address.ParseError.self) { try Address(hex: text) }
    }
}
