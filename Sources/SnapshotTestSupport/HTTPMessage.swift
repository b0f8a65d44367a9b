import Foundation

/// One HTTP/1.1 request as the test server needs it: method, headers and a Content-Length body.
struct HTTPRequest {
    let method: String
    /// Header names lowercased.
    let headers: [String: String]
    let body: [UInt8]

    /// Whether the client wants the connection kept open after the answer (the HTTP/1.1 default).
    var keepAlive: Bool { headers["connection"]?.lowercased() != "close" }
}

/// Reads requests one after another from a kept-alive connection.
struct HTTPRequestReader {
    /// Why no request could be read; the connection is answered with `status` and closed.
    struct Rejection: Error {
        let status: Int
        let reason: String
    }

    private let socket: Socket
    private let maxBodyBytes: Int
    private var buffer: [UInt8] = []
    private static let headerLimit = 64 * 1024
    private static let headerEnd: [UInt8] = [13, 10, 13, 10]

    init(socket: Socket, maxBodyBytes: Int) {
        self.socket = socket
        self.maxBodyBytes = maxBodyBytes
    }

    /// The next request; `nil` when the peer closed the connection or `isStopped` became true.
    mutating func next(isStopped: () -> Bool) throws(Rejection) -> HTTPRequest? {
        var searchFrom = 0
        var headerLength: Int?
        while headerLength == nil {
            headerLength = Self.find(Self.headerEnd, in: buffer, from: searchFrom)
            if headerLength != nil { break }
            guard buffer.count <= Self.headerLimit else { throw Rejection(status: 431, reason: "header too large") }
            searchFrom = max(0, buffer.count - 3)
            guard fill(isStopped: isStopped) else { return nil }
        }
        let head = String(decoding: buffer[0..<headerLength!], as: UTF8.self)
        buffer.removeFirst(headerLength! + 4)
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count == 3 else { throw Rejection(status: 400, reason: "bad request line") }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw Rejection(status: 400, reason: "bad header line") }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        if headers["transfer-encoding"] != nil { throw Rejection(status: 411, reason: "only Content-Length bodies are supported") }
        let length = Int(headers["content-length"] ?? "0") ?? -1
        guard length >= 0 else { throw Rejection(status: 400, reason: "bad Content-Length") }
        guard length <= maxBodyBytes else { throw Rejection(status: 413, reason: "body too large") }
        if headers["expect"]?.lowercased() == "100-continue" {
            socket.write(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        while buffer.count < length {
            guard fill(isStopped: isStopped) else { return nil }
        }
        let body = Array(buffer[0..<length])
        buffer.removeFirst(length)
        return HTTPRequest(method: String(requestLine[0]), headers: headers, body: body)
    }

    /// Appends what the socket has; false at end of stream or when stopping.
    private mutating func fill(isStopped: () -> Bool) -> Bool {
        while !isStopped() {
            guard socket.waitReadable(milliseconds: 100) else { continue }
            let bytes = socket.read()
            guard !bytes.isEmpty else { return false }
            buffer += bytes
            return true
        }
        return false
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for index in start...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<index + needle.count].elementsEqual(needle) { return index }
        }
        return nil
    }
}

/// Builds HTTP/1.1 responses.
enum HTTPResponse {
    static func bytes(status: Int, contentType: String = "application/json", body: [UInt8], keepAlive: Bool) -> [UInt8] {
        let head = "HTTP/1.1 \(status) \(reason(status))\r\n"
            + "Content-Type: \(contentType)\r\n"
            + "Content-Length: \(body.count)\r\n"
            + "Connection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        return Array(head.utf8) + body
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 411: "Length Required"
        case 413: "Payload Too Large"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        default: "Status \(status)"
        }
    }
}
