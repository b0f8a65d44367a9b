import Crypto
import EthereumPrimitives

/// HKDF-Expand (RFC 5869) with HMAC-SHA256, for long outputs.
///
/// The same as swift-crypto's `HKDF<SHA256>.expand`, but the HMAC key's padded inner and outer SHA-256 states are
/// computed once and copied for every output block, instead of re-keying an HMAC per block. EIP-2333 expands
/// 8,160 bytes (255 blocks) twice per child key, which makes this the hot path of validator key derivation.
enum HKDFSHA256 {
    private static let blockSize = 64

    static func expand(pseudoRandomKey: [UInt8], info: [UInt8], outputByteCount: Int) -> [UInt8] {
        precondition(outputByteCount <= 255 * 32, "HKDF-SHA256 output is limited to 255 blocks")
        var key = pseudoRandomKey.count > blockSize ? Array(SHA256.hash(data: pseudoRandomKey)) : pseudoRandomKey
        key += [UInt8](repeating: 0, count: blockSize - key.count)
        var innerStart = SHA256()
        innerStart.update(data: key.map { $0 ^ 0x36 })
        var outerStart = SHA256()
        outerStart.update(data: key.map { $0 ^ 0x5c })

        var output = [UInt8]()
        output.reserveCapacity(outputByteCount + 32)
        var previous = [UInt8]()
        var counter: UInt8 = 1
        while output.count < outputByteCount {
            var inner = innerStart
            inner.update(data: previous)
            inner.update(data: info)
            inner.update(data: [counter])
            var outer = outerStart
            inner.finalize().withUnsafeBytes { outer.update(bufferPointer: $0) }
            previous = Array(outer.finalize())
            output += previous
            counter &+= 1
        }
        return Array(output.prefix(outputByteCount))
    }
}
