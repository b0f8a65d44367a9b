import Foundation
import TestFixtures
import Testing
@testable import SnapshotKit

@Suite struct Keccak256Tests {
    /// `count` bytes 0x00, 0x01, … 0xff, 0x00, … (the byte at index i is i mod 256).
    static func counting(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0) }
    }

    /// Digests of `counting(n)` from an independent oracle: pycryptodome 4.4.0,
    /// `Crypto.Hash.keccak.new(digest_bits=256, data=bytes(i & 0xff for i in range(n))).hexdigest()`.
    /// The lengths sit on both sides of the 136-byte rate and of one and two whole blocks.
    static let oracleDigests: [(length: Int, digest: String)] = [
        (1, "bc36789e7a1e281436464229828f817d6612f7b477d66591ff96a9e064bcc98a"),
        (31, "3e50547cf72e8583ee91462f9d99fe624f53282f78e1a5ec2347b1d0123d0d9b"),
        (32, "8ae1aa597fa146ebd3aa2ceddf360668dea5e526567e92b0321816a4e895bd2d"),
        (33, "f08683775f4a25dfef721c487073fb77026d45ac57e423424290e47af9fd2835"),
        (135, "cbdfd9dee5faad3818d6b06f95a219fd290b0e1706f6a82e5a595b9ce9faca62"),
        (136, "7ce759f1ab7f9ce437719970c26b0a66ff11fe3e38e17df89cf5d29c7d7f807e"),
        (137, "ac73d4fae68b8453f764007c1a20ce95994187861f0c3227a3a8e99a73a3b1db"),
        (271, "7c974895b2a88303ff2dc6b58f438ceb0b298cac91099ac0539cc0f477506191"),
        (272, "fdf2ec49e749960d3c8521a0219af8d03e30e2b3bf19bd16150ee0eaf133d66e"),
        (273, "4f707289a9c3ccd0c4a51f2f17339f5dd171d371c04ff7783b735b5b22682eaf"),
        (1000, "aca79e4146e30eb1c733f6d6060d72471c36ea4e01ebf45d7f4916249c2bbd82"),
    ]

    @Test func emptyStringHasTheWellKnownDigest() {
        let expected = "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
        #expect(Keccak256.hash([]).hexString == expected)
        #expect(Keccak256.emptyHash.hexString == expected)
    }

    /// The Yellow Paper's constants: the root of the empty trie is keccak(rlp("")) = keccak(0x80), and the hash of an
    /// empty ommers list is keccak(rlp([])) = keccak(0xc0); both also appear in the mainnet genesis header below.
    @Test func emptyRLPItemsHaveTheYellowPaperDigests() {
        #expect(Keccak256.hash([0x80]).hexString == "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421")
        #expect(Keccak256.hash([0xc0]).hexString == "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347")
    }

    @Test func abcMatchesTheOracle() {
        // pycryptodome 4.4.0: keccak.new(digest_bits=256, data=b"abc").hexdigest()
        #expect(Keccak256.hash(Array("abc".utf8)).hexString
            == "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")
    }

    @Test(arguments: oracleDigests)
    func lengthsAroundTheRateMatchTheOracle(length: Int, digest: String) {
        #expect(Keccak256.hash(Self.counting(length)).hexString == "0x" + digest)
    }

    /// Every length from 0 to 408 bytes (three blocks), folded into one value: the digest of the concatenated
    /// digests of `counting(0)` … `counting(408)`. Oracle (pycryptodome 4.4.0):
    /// `k(b"".join(bytes.fromhex(k(bytes(i & 0xff for i in range(n)))) for n in range(409)))`.
    @Test func everyLengthUpToThreeBlocksMatchesTheOracle() {
        let input = Self.counting(408)
        var digests: [UInt8] = []
        for length in 0...408 {
            digests += input.withUnsafeBytes { Keccak256.hash(UnsafeRawBufferPointer(rebasing: $0[0..<length])) }
        }
        #expect(Keccak256.hash(digests).hexString == "0x0fc998ee6a10e02747cbbec85db4c64ca1af8ff416ec0628aa3f23c38d3185c1")
    }

    /// ethereum/tests BasicTests/genesishashestest.json: the mainnet genesis block hash is the Keccak-256 of its
    /// header's RLP (535 bytes, the first item of the block's RLP list `f9 0219 | f9 0214 …`).
    @Test func mainnetGenesisHeaderHashesToTheGenesisHash() throws {
        let url = try TestFixtures.url("ethereum-tests/BasicTests/genesishashestest.json")
        let fixture = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        let block = try [UInt8](hex: try #require(fixture["genesis_rlp_hex"]))
        try #require(block.count > 6 && block[0] == 0xf9 && block[3] == 0xf9)
        let headerLength = 3 + (Int(block[4]) << 8 | Int(block[5]))
        let header = Array(block[3..<(3 + headerLength)])
        #expect(header.count == 535)
        #expect(Keccak256.hash(header).hexString == "0x" + (try #require(fixture["genesis_hash"])))
    }

    /// The non-allocating variant gives the same digest as the array one, reading from an unaligned address and
    /// writing into a larger, unaligned output without touching the bytes after the digest.
    @Test func hashIntoUnalignedBuffersMatchesTheOracle() throws {
        let (length, digest) = try #require(Self.oracleDigests.first { $0.length == 272 })
        let input = [0xee] + Self.counting(length)
        var output = [UInt8](repeating: 0xaa, count: 1 + Keccak256.digestByteCount + 1)
        input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                Keccak256.hash(
                    UnsafeRawBufferPointer(rebasing: source[1...]),
                    into: UnsafeMutableRawBufferPointer(rebasing: target[1...]))
            }
        }
        #expect(output.first == 0xaa && output.last == 0xaa)
        #expect(Array(output[1...Keccak256.digestByteCount]).hexString == "0x" + digest)
    }
}
