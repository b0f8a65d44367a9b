import Foundation
import SnapshotKit

/// The JSON-RPC side of the test server: a request body (one call or a batch) in, the answer's bytes out.
struct TestServerAnswers: Sendable {
    /// One call of a request, read: either something to call or an answer already (an invalid call).
    private enum Call {
        case invoke(id: JSONValue, method: String, params: [JSONValue])
        case answered(JSONValue)
    }

    let batchOrder: JSONRPCTestServer.BatchOrder
    /// Told each method called, before the handler runs.
    let counted: @Sendable (String) -> Void

    init(batchOrder: JSONRPCTestServer.BatchOrder, counted: @escaping @Sendable (String) -> Void) {
        self.batchOrder = batchOrder
        self.counted = counted
    }

    /// The answer to `body`, calling a synchronous handler right here.
    func respond(to body: [UInt8], calling handler: JSONRPCTestServer.SynchronousHandler) -> [UInt8] {
        switch read(body) {
        case .success(let (calls, isBatch)):
            let answers = calls.map { call -> JSONValue in
                switch call {
                case .answered(let answer): return answer
                case .invoke(let id, let method, let params): return Self.answer(id: id, Result { try handler(method, params) })
                }
            }
            return assemble(answers, isBatch: isBatch)
        case .failure(let answer):
            return Self.bytes(answer.document)
        }
    }

    /// The answer to `body`, awaiting an async handler for each call in turn.
    func respond(to body: [UInt8], calling handler: JSONRPCTestServer.Handler) async -> [UInt8] {
        switch read(body) {
        case .success(let (calls, isBatch)):
            var answers: [JSONValue] = []
            for call in calls {
                switch call {
                case .answered(let answer): answers.append(answer)
                case .invoke(let id, let method, let params):
                    do {
                        answers.append(Self.answer(id: id, .success(try await handler(method, params))))
                    } catch {
                        answers.append(Self.answer(id: id, .failure(error)))
                    }
                }
            }
            return assemble(answers, isBatch: isBatch)
        case .failure(let answer):
            return Self.bytes(answer.document)
        }
    }

    // MARK: - Reading and answering

    /// An answer given without calling anything (a body that is not JSON, an empty batch).
    private struct Immediate: Error {
        let document: JSONValue
    }

    private func read(_ body: [UInt8]) -> Result<(calls: [Call], isBatch: Bool), Immediate> {
        guard let document = try? JSONParser.parse(body) else {
            return .failure(Immediate(document: Self.errorAnswer(id: .null, code: -32700, message: "parse error")))
        }
        guard case .array(let items) = document else { return .success(([read(call: document)], false)) }
        guard !items.isEmpty else {
            return .failure(Immediate(document: Self.errorAnswer(id: .null, code: -32600, message: "empty batch")))
        }
        return .success((items.map(read(call:)), true))
    }

    private func read(call: JSONValue) -> Call {
        let id = call.objectValue?.first { $0.key == "id" }?.value ?? .null
        guard let method = call.objectValue?.first(where: { $0.key == "method" })?.value.stringValue else {
            return .answered(Self.errorAnswer(id: id, code: -32600, message: "invalid request"))
        }
        let params: [JSONValue]
        switch call.objectValue?.first(where: { $0.key == "params" })?.value {
        case .array(let items)?: params = items
        case nil, .null?: params = []
        case let other?: params = [other]
        }
        counted(method)
        return .invoke(id: id, method: method, params: params)
    }

    private func assemble(_ answers: [JSONValue], isBatch: Bool) -> [UInt8] {
        guard isBatch else { return Self.bytes(answers[0]) }
        return Self.bytes(.array(batchOrder == .reversed ? answers.reversed() : answers))
    }

    private static func answer(id: JSONValue, _ outcome: Result<JSONValue, any Error>) -> JSONValue {
        switch outcome {
        case .success(let result):
            return .object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)])
        case .failure(let failure as JSONRPCTestServer.RPCFailure):
            return errorAnswer(id: id, code: failure.code, message: failure.message, data: failure.data)
        case .failure(let error):
            return errorAnswer(id: id, code: -32603, message: String(describing: error))
        }
    }

    private static func errorAnswer(id: JSONValue, code: Int, message: String, data: JSONValue? = nil) -> JSONValue {
        var error: [(key: String, value: JSONValue)] = [("code", .integer(code)), ("message", .string(message))]
        if let data { error.append(("data", data)) }
        return .object([("jsonrpc", .string("2.0")), ("id", id), ("error", .object(error))])
    }

    private static func bytes(_ document: JSONValue) -> [UInt8] {
        Array(JSONWriter.string(document).utf8)
    }
}
