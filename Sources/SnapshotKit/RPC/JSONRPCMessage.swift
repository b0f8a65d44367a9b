import Foundation

/// Building JSON-RPC 2.0 requests and reading answers.
enum JSONRPCMessage {
    /// A failure while reading an answer, as an `Error` so it can travel in a `Result`.
    struct Failure: Error {
        let failure: JSONRPCError.Failure
        init(_ failure: JSONRPCError.Failure) { self.failure = failure }
    }

    /// `{"jsonrpc":"2.0","id":…,"method":…,"params":[…]}`.
    static func request(id: Int, method: String, params: [JSONValue]) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("id", .integer(id)), ("method", .string(method)), ("params", .array(params))])
    }

    /// The `result` of the single answer in `data`, which must carry `id`.
    static func result(of data: Data, id: Int) -> Result<JSONValue, Failure> {
        parse(data).flatMap { document in
            guard case .object = document else {
                return .failure(Failure(.malformedResponse("expected a JSON object, got \(kind(of: document))")))
            }
            return answer(document, expectedID: id)
        }
    }

    /// The answers of a batch by id; every answer's id must be one of `ids`.
    ///
    /// A node that rejects the whole batch answers with a single error object: that becomes the failure.
    static func batchResults(of data: Data, ids: Range<Int>) -> Result<[Int: Result<JSONValue, Failure>], Failure> {
        parse(data).flatMap { document in
            if case .object = document {
                if let failure = rpcFailure(in: document) { return .failure(Failure(failure)) }
                return .failure(Failure(.malformedResponse("expected a JSON array for a batch, got an object")))
            }
            guard case .array(let items) = document else {
                return .failure(Failure(.malformedResponse("expected a JSON array for a batch, got \(kind(of: document))")))
            }
            var answers: [Int: Result<JSONValue, Failure>] = [:]
            for item in items {
                guard let id = item["id"]?.scalarText.flatMap({ Int($0) }), ids.contains(id) else {
                    let shown = item["id"].map { JSONWriter.string($0) } ?? "none"
                    return .failure(Failure(.malformedResponse("a batch answer has id \(shown), which no request in the batch had")))
                }
                answers[id] = answer(item, expectedID: id)
            }
            return .success(answers)
        }
    }

    /// The JSON-RPC error carried by `data`, if `data` is a single error object (some nodes send them with 4xx).
    static func rpcFailure(in data: Data) -> JSONRPCError.Failure? {
        guard case .success(let document) = parse(data) else { return nil }
        return rpcFailure(in: document)
    }

    // MARK: - Reading

    private static func parse(_ data: Data) -> Result<JSONValue, Failure> {
        do {
            return .success(try JSONParser.parse([UInt8](data)))
        } catch {
            let start = String(decoding: data.prefix(60), as: UTF8.self)
            return .failure(Failure(.malformedResponse("\(error); the answer starts with \"\(start)\"")))
        }
    }

    /// One answer object: its error as a failure, else its result.
    private static func answer(_ object: JSONValue, expectedID: Int) -> Result<JSONValue, Failure> {
        if let failure = rpcFailure(in: object) { return .failure(Failure(failure)) }
        if let id = object["id"], id.scalarText.flatMap({ Int($0) }) != expectedID {
            return .failure(Failure(.malformedResponse("answer id \(JSONWriter.string(id)) does not match request id \(expectedID)")))
        }
        guard let result = member("result", of: object) else {
            return .failure(Failure(.malformedResponse("the answer has neither \"result\" nor \"error\"")))
        }
        return .success(result)
    }

    private static func rpcFailure(in object: JSONValue) -> JSONRPCError.Failure? {
        guard let error = member("error", of: object), !error.isNull else { return nil }
        guard let codeText = error["code"]?.scalarText, let code = Int(codeText) ?? Double(codeText).map({ Int($0) }) else {
            return .malformedResponse("an error object without a numeric code: \(JSONWriter.string(error))")
        }
        return .rpc(code: code, message: error["message"]?.stringValue ?? "", data: member("data", of: error))
    }

    /// The member named exactly `key` (JSON-RPC member names are case-sensitive).
    private static func member(_ key: String, of object: JSONValue) -> JSONValue? {
        object.objectValue?.first { $0.key == key }?.value
    }

    private static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
