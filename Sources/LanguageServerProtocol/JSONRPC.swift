import Foundation

/// A request's id: a number or a string, echoed in its response.
public enum RequestID: Codable, Hashable, Sendable {
    case number(Int)
    case string(String)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .number(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        }
    }
}

/// A JSON-RPC error, as a response carries it.
public struct ResponseError: Error, Codable, Equatable, Sendable {
    public var code: Int
    public var message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603
    /// LSP: a request before `initialize`.
    public static let serverNotInitialized = -32002
    /// LSP: the client cancelled the request.
    public static let requestCancelled = -32800
}

/// One message from the client, its kind told by which of `id` and `method` it has. The
/// parameters stay undecoded until the handler of the method asks for their type.
public struct IncomingMessage: Sendable {
    public enum Kind: Sendable, Equatable {
        case request(RequestID, method: String)
        case notification(method: String)
        /// A response to a request the server sent (the server sends none it waits for).
        case response(RequestID)
    }

    public let kind: Kind
    /// The whole message, from which `params(_:)` decodes the parameters.
    public let content: Data

    private struct Envelope: Decodable {
        var jsonrpc: String?
        var id: RequestID?
        var method: String?
    }

    private struct Params<P: Decodable>: Decodable {
        var params: P
    }

    public init(_ content: Data) throws(ResponseError) {
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: content)
        } catch {
            throw ResponseError(code: ResponseError.parseError, message: "not a JSON-RPC message: \(error)")
        }
        guard envelope.jsonrpc == "2.0" else {
            throw ResponseError(code: ResponseError.invalidRequest, message: "not a JSON-RPC 2.0 message (no `jsonrpc: \"2.0\"`)")
        }
        switch (envelope.id, envelope.method) {
        case (let id?, let method?): kind = .request(id, method: method)
        case (nil, let method?): kind = .notification(method: method)
        case (let id?, nil): kind = .response(id)
        case (nil, nil):
            throw ResponseError(code: ResponseError.invalidRequest, message: "a message with neither `id` nor `method`")
        }
        self.content = content
    }

    public var method: String? {
        switch kind {
        case .request(_, let method), .notification(let method): method
        case .response: nil
        }
    }

    /// The parameters as `P`; an `invalidParams` error when they do not fit.
    public func params<P: Decodable>(_ type: P.Type) throws(ResponseError) -> P {
        do {
            return try JSONDecoder().decode(Params<P>.self, from: content).params
        } catch {
            throw ResponseError(code: ResponseError.invalidParams, message: "invalid params for \(method ?? "?"): \(error)")
        }
    }
}

/// What the server sends: responses to requests and notifications, encoded as JSON-RPC 2.0.
public enum OutgoingMessage {
    private struct Response<R: Encodable>: Encodable {
        var jsonrpc = "2.0"
        var id: RequestID?
        var result: R
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(jsonrpc, forKey: .jsonrpc)
            // A response's id is null when the request's could not be read.
            if let id { try container.encode(id, forKey: .id) } else { try container.encodeNil(forKey: .id) }
            try container.encode(result, forKey: .result)
        }
        enum CodingKeys: String, CodingKey { case jsonrpc, id, result }
    }

    private struct Failure: Encodable {
        var jsonrpc = "2.0"
        var id: RequestID?
        var error: ResponseError
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(jsonrpc, forKey: .jsonrpc)
            if let id { try container.encode(id, forKey: .id) } else { try container.encodeNil(forKey: .id) }
            try container.encode(error, forKey: .error)
        }
        enum CodingKeys: String, CodingKey { case jsonrpc, id, error }
    }

    private struct Notification<P: Encodable>: Encodable {
        var jsonrpc = "2.0"
        var method: String
        var params: P
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// A successful response; a nil result is written as JSON `null` (LSP's "nothing"), the key kept.
    public static func response<R: Encodable>(_ id: RequestID?, result: R) throws -> Data {
        try encoder.encode(Response(id: id, result: result))
    }

    public static func failure(_ id: RequestID?, _ error: ResponseError) throws -> Data {
        try encoder.encode(Failure(id: id, error: error))
    }

    public static func notification<P: Encodable>(_ method: String, _ params: P) throws -> Data {
        try encoder.encode(Notification(method: method, params: params))
    }
}
