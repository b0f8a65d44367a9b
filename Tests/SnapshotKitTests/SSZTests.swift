import Crypto
import Testing
@testable import SnapshotKit

/// Generic SSZ against independent values: SHA-256 zero-hash chain constants and roots/encodings computed with
/// remerkleable 0.1.28 (the SSZ library of the consensus-specs pyspec).
@Suite struct SSZTests {
    private func hex(_ text: String) -> [UInt8] { try! [UInt8](hex: text) }

    @Test func zeroHashChain() {
        #expect(SSZ.zeroHashes[0] == [UInt8](repeating: 0, count: 32))
        #expect(SSZ.zeroHashes[1] == hex("f5a5fd42d16a20302798ef6ed309979b43003d2320d9f0e8ea9831a92759fb4b"))
        #expect(SSZ.zeroHashes[2] == hex("db56114e00fdd4c1f85c892bf35ac9a89289aaecb1ebd0a96cde606a748b5d71"))
        #expect(SSZ.zeroHashes[3] == hex("c78009fdf07fc56a11f122370658a353aaa542ed63e44c4bc15ff4cd105ab33c"))
        #expect(SSZ.zeroHashes[32] == hex("c6f67e02e6e4e1bdefb994c6098953f34636ba2b6ca20a4721d2b26a886722ff"))
        #expect(SSZ.zeroHashes[40] == hex("6bfe8d2bcc4237b74a5047058ef455339ecd7360cb63bfbb8ee5448e6430ba04"))
        #expect(SSZ.zeroHashes[64] == hex("c885c236140249c9e1640e5e99fb972d81fbb31ea5e29fbdde063627f0d6bdc8"))
        #expect(SSZ.merkleize(chunks: [UInt8](repeating: 0, count: 32 * 5)) == SSZ.zeroHashes[3])
        #expect(SSZ.merkleize(chunks: [], limit: 1 << 40) == SSZ.zeroHashes[40])
    }

    @Test func emptyDepositTreeRoot() {
        #expect(Eth1Data.emptyDepositRoot == hex("d70a234731285c6804c2a4f56711ddb8c82c99740f207854891028af34e27e5e"))
    }

    @Test func merkleizeMatchesPlainSHA256() {
        let chunks = (0..<96).map { UInt8($0) }
        let left = Array(SHA256.hash(data: Array(chunks[0..<64])))
        let right = Array(SHA256.hash(data: Array(chunks[64..<96]) + SSZ.zeroHashes[0]))
        #expect(SSZ.merkleize(chunks: chunks) == Array(SHA256.hash(data: left + right)))
        #expect(SSZ.treeDepth(leafCount: 0) == 0)
        #expect(SSZ.treeDepth(leafCount: 1) == 0)
        #expect(SSZ.treeDepth(leafCount: 2) == 1)
        #expect(SSZ.treeDepth(leafCount: 5) == 3)
        #expect(SSZ.treeDepth(leafCount: 1 << 40) == 40)
    }

    @Test func basicAndSequenceRoots() {
        #expect(SSZ.hashTreeRoot(uint64List: [1, 2, 3, 4, 5], limit: 1024)
            == hex("aafba89dc9439152ce085c3a18ebaa9a2f38d405a6438557799db77d0c4ea345"))
        #expect(SSZ.hashTreeRoot(uint64Vector: [1, 2, 3, 4, 5])
            == hex("bf033e82435fc6915833d0f0325b9a752b2bef67493b9d27939e9b2fef56a5a8"))
        #expect(SSZ.hashTreeRoot(uint64List: Array(1...100), limit: 1 << 40)
            == hex("94f8b0b3af4b6fd75e54e28da389e7f9b702a7198c8ef68f9b659b09b122b8b3"))
        #expect(SSZ.hashTreeRoot(byteList: [0x12, 0x34], limit: 32)
            == hex("fc24413f2abc4f3261e137bcf499b7376c9884da2447cecaa86008ebf533728a"))
        #expect(SSZ.hashTreeRoot(byteList: (0..<70).map { UInt8($0) }, limit: 1 << 40)
            == hex("f2b6a8cb1b77e78c83072f76531505f3227a60469f03d2691b125ae99fb82620"))
        #expect(SSZ.hashTreeRoot(byteVector: (0..<48).map { UInt8($0) })
            == hex("b976c9abe97b4f03d7e4058246713687379d2718a829ab66e2a93aa924e43c1d"))
        let uint256 = UInt256(bigEndian: hex("0102030405060708090a0b0c0d0e0f10111213141516171819"))!
        #expect(SSZ.hashTreeRoot(uint256: uint256)
            == hex("191817161514131211100f0e0d0c0b0a09080706050403020100000000000000"))
        let roots = (1...3).map { [UInt8](repeating: UInt8($0), count: 32) }
        #expect(SSZ.hashTreeRoot(vectorOfRoots: roots)
            == hex("d6cfa0d1046a0f4c1f9a6dc57afb0f4577680c106a48cf04125e7ba8606da219"))
        #expect(SSZ.hashTreeRoot(listOfRoots: roots, limit: 16_777_216)
            == hex("bafae885bd98cc42f3f3f1e3536374036982c8a69265cb0dee40164a721c8e3e"))
    }

    @Test func bitvector() throws {
        var bits = SSZBitvector(count: 4)
        bits[0] = true
        bits[2] = true
        #expect(bits.bytes == [0x05])
        #expect(bits.hashTreeRoot() == hex("0500000000000000000000000000000000000000000000000000000000000000"))
        #expect(bits[2] && !bits[1])
        bits[2] = false
        #expect(bits.bytes == [0x01])
        #expect(SSZBitvector(count: 512).hashTreeRoot() == SSZ.zeroHashes[1])
    }

    @Test func validatorEncodingAndRoots() throws {
        let validator = Validator(
            pubkey: (0..<48).map { UInt8($0) }, withdrawalCredentials: (100..<132).map { UInt8($0) },
            effectiveBalance: 32_000_000_000, slashed: true, activationEligibilityEpoch: 1, activationEpoch: 2,
            exitEpoch: .max, withdrawableEpoch: .max - 1)
        let encoded = hex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f"
                + "6465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f80818283004059730700000001010000000000"
                + "00000200000000000000fffffffffffffffffeffffffffffffff")
        #expect(validator.serialize() == encoded)
        #expect(try Validator(sszBytes: encoded) == validator)
        #expect(validator.hashTreeRoot() == hex("8fef53e002c001497bd96589c985b8b5c53d7d608a1980d15c01d779d49c1613"))
        #expect(Validator.registryRoot([validator, validator], preset: .mainnet)
            == hex("84af8a2ed947489e0601588b8287adf2576f6f72bf3a44fdc034bd19da3126d8"))
    }

    @Test func largeRegistryRoot() {
        let validators = (0..<10_000).map { index in
            var credentials = [UInt8](repeating: 0, count: 32)
            credentials[0] = 0x02
            withUnsafeBytes(of: UInt64(index * 7).bigEndian) { credentials.replaceSubrange(24..<32, with: $0) }
            var pubkey = [UInt8](repeating: 0, count: 48)
            withUnsafeBytes(of: UInt64(index).littleEndian) { pubkey.replaceSubrange(0..<8, with: $0) }
            return Validator(
                pubkey: pubkey, withdrawalCredentials: credentials, effectiveBalance: 32_000_000_000 + UInt64(index),
                slashed: index % 97 == 0, activationEligibilityEpoch: 0, activationEpoch: UInt64(index % 5))
        }
        #expect(Validator.registryRoot(validators, preset: .mainnet)
            == hex("2b2402ea563a66b061906c41082750cd35f3f897c50a6c29f6b70a9b30c736c4"))
        #expect(SSZ.hashTreeRoot(uint64List: validators.map(\.effectiveBalance), limit: 1 << 40)
            == hex("1c464b6c48a438c663ac802b870af18703bcc1a0bc2a400efd4f2d58af8a80f2"))
    }

    @Test func forkEncodingAndRoot() throws {
        let fork = Fork(previousVersion: hex("60000038"), currentVersion: hex("70000038"), epoch: 5)
        #expect(fork.serialize() == hex("60000038700000380500000000000000"))
        #expect(try Fork(sszBytes: fork.serialize()) == fork)
        #expect(fork.hashTreeRoot() == hex("a9cb8e170f289d92d8fcb76d3840a679f16aae226053558e6eb3054c77b1cbcf"))
    }

    @Test func executionPayloadHeaderEncodingAndRoot() throws {
        let header = Self.sampleHeader(preset: .minimal)
        let encoded = header.serialize(preset: .minimal)
        #expect(encoded.count == 584 + 11)
        #expect(Array(encoded[0..<32]) == [UInt8](repeating: 0x11, count: 32))
        #expect(Array(encoded[436..<440]) == [0x48, 0x02, 0x00, 0x00])  // offset of extra_data = 584
        #expect(Array(encoded[584...]) == Array("snapshotter".utf8))
        #expect(encoded == hex(Self.sampleHeaderSSZ))
        #expect(try ExecutionPayloadHeader(sszBytes: encoded[...], preset: .minimal) == header)
        #expect(header.hashTreeRoot(preset: .minimal)
            == hex("9f16725215a34cdf559bfb99b9a04b308a79bf206826dac93e4ab0614f509ed1"))
    }

    @Test func malformedFixedContainersAreRejected() throws {
        let fork = Fork().serialize()
        #expect(throws: SSZError.wrongLength(path: "Fork", expected: 16, actual: 15)) {
            try Fork(sszBytes: Array(fork.dropLast()))
        }
        #expect(throws: SSZError.wrongLength(path: "Fork", expected: 16, actual: 17)) { try Fork(sszBytes: fork + [0]) }
        var validator = Validator(
            pubkey: .init(repeating: 1, count: 48), withdrawalCredentials: .init(repeating: 2, count: 32),
            effectiveBalance: 1
        ).serialize()
        validator[48 + 32 + 8] = 2  // slashed
        #expect(throws: SSZError.invalidBoolean(path: "Validator.slashed", byte: 2)) {
            try Validator(sszBytes: validator)
        }
    }

    @Test func malformedVariableContainersAreRejected() throws {
        var encoded = Self.sampleHeader(preset: .minimal).serialize(preset: .minimal)
        #expect(throws: SSZError.tooShort(path: "ExecutionPayloadHeader", minimum: 584, actual: 583)) {
            try ExecutionPayloadHeader(sszBytes: encoded[0..<583], preset: .minimal)
        }
        let overlong = encoded + [UInt8](repeating: 0x21, count: 22)
        #expect(throws: SSZError.tooManyElements(path: "ExecutionPayloadHeader.extra_data", limit: 32, actual: 33)) {
            try ExecutionPayloadHeader(sszBytes: overlong[...], preset: .minimal)
        }
        encoded[436] = 0x49
        #expect(throws: SSZError.firstOffsetMismatch(path: "ExecutionPayloadHeader", expected: 584, actual: 585)) {
            try ExecutionPayloadHeader(sszBytes: encoded[...], preset: .minimal)
        }
    }

    static func sampleHeader(preset: ConsensusPreset) -> ExecutionPayloadHeader {
        var header = ExecutionPayloadHeader(preset: preset)
        header.parentHash = [UInt8](repeating: 0x11, count: 32)
        header.feeRecipient = [UInt8](repeating: 0x22, count: 20)
        header.stateRoot = [UInt8](repeating: 0x33, count: 32)
        header.receiptsRoot = [UInt8](repeating: 0x44, count: 32)
        header.logsBloom = (0..<256).map { UInt8($0) }
        header.prevRandao = [UInt8](repeating: 0x55, count: 32)
        header.blockNumber = 7
        header.gasLimit = 30_000_000
        header.gasUsed = 21000
        header.timestamp = 1_700_000_000
        header.extraData = Array("snapshotter".utf8)
        header.baseFeePerGas = UInt256(bigEndian: try! [UInt8](hex: "0de0b6b3a7640007"))!  // 10^18 + 7
        header.blockHash = [UInt8](repeating: 0x66, count: 32)
        header.transactionsRoot = [UInt8](repeating: 0x77, count: 32)
        header.withdrawalsRoot = [UInt8](repeating: 0x88, count: 32)
        header.blobGasUsed = 131_072
        header.excessBlobGas = 262_144
        return header
    }

    /// remerkleable's encoding of ``sampleHeader(preset:)``.
    static let sampleHeaderSSZ =
        "1111111111111111111111111111111111111111111111111111111111111111222222222222222222222222222222222222"
        + "2222333333333333333333333333333333333333333333333333333333333333333344444444444444444444444444444444"
        + "44444444444444444444444444444444000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021"
        + "22232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f50515253"
        + "5455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485"
        + "868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7"
        + "b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9"
        + "eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff55555555555555555555555555555555555555555555555555555555"
        + "55555555070000000000000080c3c90100000000085200000000000000f153650000000048020000070064a7b3b6e00d0000"
        + "0000000000000000000000000000000000000000000066666666666666666666666666666666666666666666666666666666"
        + "6666666677777777777777777777777777777777777777777777777777777777777777778888888888888888888888888888"
        + "88888888888888888888888888888888888800000200000000000000040000000000736e617073686f74746572"
}
