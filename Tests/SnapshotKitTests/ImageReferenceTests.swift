import SnapshotKit
import Testing

/// `ImageReference.problem(with:)`: only `[registry[:port]/]repo[:tag][@sha256:<64 hex>]` passes, nothing compose or
/// a shell would interpret.
@Suite struct ImageReferenceTests {
    static let digest = "sha256:" + String(repeating: "ab", count: 32)

    @Test(arguments: [
        "ethereum/client-go:v1.17.5", "sigp/lighthouse:v8.2.2", "busybox:1.37.0", "ghcr.io/paradigmxyz/reth:v2.4.1",
        "localhost:5000/geth:v1", "registry.example.com:443/team/my_app__x:1.0-rc.1", "geth@\(digest)",
        "docker.io/library/busybox:1.37.0@\(digest)", "a--b/c.d:_tag", "ethereum/client-go",
    ])
    func wellFormed(_ image: String) {
        #expect(ImageReference.problem(with: image) == nil, "\(image)")
    }

    @Test(arguments: [
        "geth:v1\"", "'geth:v1'", "geth:${TAG}", "${REGISTRY}/geth:v1", "geth:$TAG", "geth:v1 --privileged",
        "Ethereum/client-go:v1", "geth:", "geth:.v1", "geth:-v1", "geth:" + String(repeating: "a", count: 129),
        "geth@sha256:abc", "geth@sha256:" + String(repeating: "AB", count: 32), "geth@md5:" + String(repeating: "0", count: 64),
        "/geth:v1", "geth/:v1", "a..b:v1", "-geth:v1", "geth_:v1", "host:port/geth:v1", ":5000/geth:v1", "",
    ])
    func malformed(_ image: String) throws {
        #expect(ImageReference.problem(with: image) != nil, "\(image)")
        #expect(throws: RuntimeError.self) { try ImageReference.requirePinned(image) }
    }

    @Test func requirePinnedNamesTheExpectedForm() {
        #expect(throws: RuntimeError.malformedImage("geth:${TAG}", reason: ImageReference.problem(with: "geth:${TAG}")!)) {
            try ImageReference.requirePinned("geth:${TAG}")
        }
        #expect(RuntimeError.malformedImage("x", reason: "r").description.contains(ImageReference.expectedForm))
        #expect(throws: RuntimeError.unpinnedImage("geth:latest")) { try ImageReference.requirePinned("geth:latest") }
    }
}
