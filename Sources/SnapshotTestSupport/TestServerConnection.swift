import NIOCore
import NIOHTTP1

/// One connection of the test server, on its event loop: collects each request, meets the injected fault, and
/// writes the answer once the handler has given it (from whatever thread it ran on).
final class TestServerConnection: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let core: TestServerCore
    private var head: HTTPRequestHead?
    private var body = ByteBuffer()
    /// The request's body passed `limits.maxBodyBytes`: it was answered 413 and the rest is ignored.
    private var rejected = false

    init(core: TestServerCore) {
        self.core = core
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body.clear()
            rejected = false
        case .body(var chunk):
            guard !rejected else { return }
            guard body.readableBytes + chunk.readableBytes <= core.limits.maxBodyBytes else {
                rejected = true
                Self.send(context.channel, status: .payloadTooLarge, text: "body too large", keepAlive: false)
                return
            }
            body.writeBuffer(&chunk)
        case .end:
            guard let head, !rejected else { return }
            self.head = nil
            serve(head, body: Array(body.readableBytesView), context: context)
        }
    }

    private func serve(_ head: HTTPRequestHead, body: [UInt8], context: ChannelHandlerContext) {
        let channel = context.channel
        let keepAlive = head.isKeepAlive
        let fault: JSONRPCTestServer.Fault?
        switch core.admitRequest() {
        case .overLimit:
            Self.send(channel, status: .serviceUnavailable, text: "request limit reached", keepAlive: false)
            core.stop()
            return
        case .serve(let injected):
            fault = injected
        }
        guard head.method == .POST || head.method == .GET else {
            Self.send(channel, status: .methodNotAllowed, text: "", keepAlive: keepAlive)
            return
        }
        let core = core
        let getPath = head.method == .GET ? head.uri : nil
        switch fault {
        case .dropConnection?:
            context.close(promise: nil)
        case .httpStatus(let status, let text)?:
            Self.send(channel, status: HTTPResponseStatus(statusCode: status), text: text, keepAlive: keepAlive)
        case .malformedBody(let text)?:
            Self.send(channel, status: .ok, contentType: "application/json", body: Array(text.utf8), keepAlive: keepAlive)
        case .neverAnswer?:
            break
        case .endlessBody?:
            Self.sendEndlessly(channel)
        case .delay(let duration)?:
            let delay = TimeAmount(duration)
            context.eventLoop.scheduleTask(in: delay) {
                core.answer(body, get: getPath) { Self.send(channel, status: .ok, contentType: "application/json", body: $0, keepAlive: keepAlive) }
            }
        case nil:
            core.answer(body, get: getPath) { Self.send(channel, status: .ok, contentType: "application/json", body: $0, keepAlive: keepAlive) }
        }
    }

    // MARK: - Writing (from any thread)

    private static func send(_ channel: any Channel, status: HTTPResponseStatus, text: String, keepAlive: Bool) {
        send(channel, status: status, contentType: "text/plain", body: Array(text.utf8), keepAlive: keepAlive)
    }

    private static func send(_ channel: any Channel, status: HTTPResponseStatus, contentType: String, body: [UInt8], keepAlive: Bool) {
        let headers = HTTPHeaders([
            ("Content-Type", contentType), ("Content-Length", String(body.count)), ("Connection", keepAlive ? "keep-alive" : "close"),
        ])
        channel.write(HTTPServerResponsePart.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers)), promise: nil)
        channel.write(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: body))), promise: nil)
        let written = channel.writeAndFlush(HTTPServerResponsePart.end(nil))
        if !keepAlive { written.whenComplete { _ in channel.close(promise: nil) } }
    }

    /// A 200 answer whose chunked body starts like a JSON-RPC answer and never ends: each chunk is written once the
    /// previous one left (so an unread connection holds no growing buffer), until the connection closes.
    private static func sendEndlessly(_ channel: any Channel) {
        let headers = HTTPHeaders([("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")])
        channel.write(HTTPServerResponsePart.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers)), promise: nil)
        channel.write(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(string: #"{"jsonrpc":"2.0","id":1,"result":""#))), promise: nil)
        let chunk = ByteBuffer(repeating: UInt8(ascii: "a"), count: 64 << 10)
        @Sendable func next() {
            channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(chunk))).whenSuccess {
                channel.eventLoop.execute(next)
            }
        }
        next()
    }
}
